package io.xstore.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The task commands of a run's life, each from one client and from {@code writeThreads} clients: create, edit, the
 * status change to in_progress (tasks.started, which a task in status created accepts without force) and the
 * liveness ping. Each is one command, its events durable in the event store, and the read model caught up.
 */
final class CommandBenchmarks {

    private final BenchApi api;
    private final LoadRunner runner;
    private final BenchSettings settings;
    private final TaskPool pool;
    private final AtomicInteger sequence = new AtomicInteger(10_000_000);

    CommandBenchmarks(BenchApi api, LoadRunner runner, BenchSettings settings, TaskPool pool) {
        this.api = api;
        this.runner = runner;
        this.settings = settings;
        this.pool = pool;
    }

    /**
     * Single client then {@code writeThreads} clients; the warm-up calls ({@code steadyWarmup}: enough for the JIT to
     * compile the command's path, which the seeding did not run) are not recorded.
     */
    List<Measurement> creates() {
        return singleAndParallel("tasks.create", i -> pool.create(sequence.getAndIncrement()));
    }

    /** Each call edits a task no command touched since it was seeded (its aggregate is not in the cache). */
    List<Measurement> edits() {
        return edits("tasks.edit", pool.all());
    }

    /**
     * The same edits of {@value QueryBenchmarks#WORKING_SET} tasks in turn, as a running task is edited again and
     * again by its session (their aggregates stay in the cache after the warm-up's first round).
     */
    List<Measurement> editsInTurn() {
        return edits("tasks.edit (" + QueryBenchmarks.WORKING_SET + " tasks edited in turn)",
                pool.first(QueryBenchmarks.WORKING_SET));
    }

    private List<Measurement> edits(String name, List<String> ids) {
        return singleAndParallel(name, i -> api.call("tasks.edit", Map.of("task", ids.get(i % ids.size()),
                "comment", "edited by xstore-bench, round " + i,
                "tags", List.of("edited", "round-" + (i % 10)))));
    }

    /** Every call gets a task of its own still in status created. */
    List<Measurement> starts() throws IOException, InterruptedException {
        List<String> fresh = pool.take(settings.steadyWarmup() + settings.commands() + settings.parallelCommands());
        AtomicInteger next = new AtomicInteger();
        return singleAndParallel("tasks.started", i -> {
            String task = fresh.get(next.getAndIncrement());
            JsonNode data = api.call("tasks.started", Map.of("task", task));
            if (data.path("updated").asInt() != 1) {
                throw new IOException("tasks.started did not update " + task + ": " + data);
            }
        });
    }

    List<Measurement> pings() {
        List<String> ids = pool.all();
        return singleAndParallel("tasks.ping", i -> api.call("tasks.ping", Map.of("task", ids.get(i % ids.size()))));
    }

    /** Call indexes are disjoint across warm-up, single and parallel runs: index-based ops touch a task once. */
    private List<Measurement> singleAndParallel(String name, LoadRunner.Operation op) {
        runner.warmUp(settings.steadyWarmup(), settings.writeThreads(), op);
        int singleBase = settings.steadyWarmup();
        Measurement single = XstoreBench.measured(runner.measure(name, "ops/s", settings.commands(), 1, 1,
                i -> op.run(singleBase + i)));
        int parallelBase = singleBase + settings.commands();
        Measurement parallel = XstoreBench.measured(runner.measure(name, "ops/s", settings.parallelCommands(),
                settings.writeThreads(), 1, i -> op.run(parallelBase + i)));
        return List.of(single, parallel);
    }
}
