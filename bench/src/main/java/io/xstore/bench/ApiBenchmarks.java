package io.xstore.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The API calls a ClearML SDK run makes most, with the bodies the SDK sends (docs/api/tasks.md). Every write goes the
 * full CQRS path: command, event store, projection into MongoDB; the server answers once the read model caught up.
 * Tasks created here are the data set of the read benchmarks.
 */
final class ApiBenchmarks {

    private final BenchApi api;
    private final LoadRunner runner;
    private final BenchSettings settings;
    private final List<String> taskIds = new ArrayList<>();
    private final List<String> taskNames = new ArrayList<>();
    private final AtomicInteger nameSequence = new AtomicInteger();
    private final String project;

    ApiBenchmarks(BenchApi api, LoadRunner runner, BenchSettings settings) throws IOException, InterruptedException {
        this.api = api;
        this.runner = runner;
        this.settings = settings;
        this.project = api.call("projects.create", Map.of("name", "bench", "description", ""))
                .get("id").asText();
    }

    /** tasks.create, warmed up once, then sequential from one thread and concurrent from {@code threads}. */
    List<Measurement> creates() {
        runner.warmUp(settings.warmup(), 1, i -> createTask());
        Measurement sequential = runner.measure("tasks.create", "ops/s", settings.creates(), 1, 1,
                i -> createTask());
        Measurement parallel = runner.measure("tasks.create", "ops/s", settings.parallelCreates(),
                settings.threads(), 1, i -> createTask());
        return List.of(sequential, parallel);
    }

    /** Makes sure the read benchmarks search at least {@code readTasks} tasks; returns how many there are. */
    int topUpReadSet() {
        int missing = settings.readTasks() - taskCount();
        if (missing > 0) {
            runner.warmUp(missing, settings.threads(), i -> createTask());
        }
        return taskCount();
    }

    /** tasks.edit replacing the hyperparameters, as Task.connect / argparse does, on tasks in state created. */
    Measurement edits() {
        List<String> ids = snapshotIds();
        runner.warmUp(settings.warmup(), 1, i -> editHyperparams(ids.get(i % ids.size()), i));
        return runner.measure("tasks.edit (hyperparams)", "ops/s", settings.edits(), 1, 1,
                i -> editHyperparams(ids.get((i + settings.warmup()) % ids.size()), i));
    }

    Measurement getById() {
        List<String> ids = snapshotIds();
        LoadRunner.Operation op = i -> {
            String id = ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
            JsonNode task = api.call("tasks.get_by_id", Map.of("task", id)).get("task");
            if (task == null || !id.equals(task.path("id").asText())) {
                throw new IOException("tasks.get_by_id returned another task than " + id);
            }
        };
        runner.warmUp(settings.warmup(), 1, op);
        return runner.measure("tasks.get_by_id", "ops/s", settings.getById(), 1, 1, op);
    }

    /** tasks.get_all with an anchored name regex, as Task.get_tasks(task_name=...) sends it. */
    Measurement getAllByName() {
        List<String> names;
        synchronized (this) {
            names = List.copyOf(taskNames);
        }
        LoadRunner.Operation op = i -> {
            String name = names.get(ThreadLocalRandom.current().nextInt(names.size()));
            JsonNode tasks = api.call("tasks.get_all", Map.of("name", "^" + name + "$",
                    "only_fields", List.of("id", "name", "status", "last_update"))).get("tasks");
            if (tasks == null || tasks.size() != 1) {
                throw new IOException("tasks.get_all by name " + name + " found " + tasks);
            }
        };
        runner.warmUp(Math.max(1, settings.warmup() / 3), 1, op);
        return runner.measure("tasks.get_all (name filter)", "ops/s", settings.getAll(), 1, 1, op);
    }

    /**
     * events.add_batch of {@code batchSize} scalar events per call (json-lines), {@code threads} tasks reporting at
     * once. A call returns once its events are in Kafka, indexed in Elasticsearch and summarized into the task's
     * last_metrics: end to end, add_batch to queryable.
     */
    Measurement addBatch(int threads) throws IOException, InterruptedException {
        List<String> tasks = new ArrayList<>();
        List<AtomicInteger> iterations = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            tasks.add(createTask());
            iterations.add(new AtomicInteger());
        }
        AtomicInteger next = new AtomicInteger();
        ThreadLocal<Integer> slot = ThreadLocal.withInitial(() -> next.getAndIncrement() % threads);
        LoadRunner.Operation op = i -> {
            int mine = slot.get();
            JsonNode data = api.callJsonLines("events.add_batch", scalarBatch(tasks.get(mine), iterations.get(mine)));
            if (data.path("added").asInt() != settings.batchSize()) {
                throw new IOException("events.add_batch added " + data);
            }
        };
        runner.warmUp(settings.batchWarmup(), threads, op);
        return runner.measure("events.add_batch (" + settings.batchSize() + " scalars, to queryable)", "events/s",
                settings.batches(), threads, settings.batchSize(), op);
    }

    List<String> snapshotIds() {
        synchronized (this) {
            return List.copyOf(taskIds);
        }
    }

    private synchronized int taskCount() {
        return taskIds.size();
    }

    private String createTask() throws IOException, InterruptedException {
        String name = String.format("bench task %06d", nameSequence.getAndIncrement());
        Map<String, Object> body = Map.of("name", name, "type", "training",
                "comment", "Auto-generated by xstore-bench", "project", project,
                "system_tags", List.of("development"));
        String id = api.call("tasks.create", body).get("id").asText();
        synchronized (this) {
            taskIds.add(id);
            taskNames.add(name);
        }
        return id;
    }

    private void editHyperparams(String task, int round) throws IOException, InterruptedException {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("lr", param("Args", "lr", String.valueOf(0.001 * (1 + round % 10)), "float"));
        args.put("batch_size", param("Args", "batch_size", "64", "int"));
        args.put("epochs", param("Args", "epochs", String.valueOf(10 + round % 5), "int"));
        args.put("optimizer", param("Args", "optimizer", "adam", "str"));
        args.put("dropout", param("Args", "dropout", "0.1", "float"));
        Map<String, Object> general = Map.of("seed", param("General", "seed", "42", "int"),
                "dataset", param("General", "dataset", "mnist", "str"));
        api.call("tasks.edit", Map.of("task", task, "force", true,
                "hyperparams", Map.of("Args", args, "General", general)));
    }

    private static Map<String, Object> param(String section, String name, String value, String type) {
        return Map.of("section", section, "name", name, "value", value, "type", type, "description", "");
    }

    private String scalarBatch(String task, AtomicInteger iteration) throws IOException {
        StringBuilder lines = new StringBuilder();
        long now = System.currentTimeMillis();
        for (int j = 0; j < settings.batchSize(); j++) {
            int iter = iteration.getAndIncrement();
            lines.append(BenchApi.JSON.writeValueAsString(scalarEvent(task, now, iter))).append('\n');
        }
        return lines.toString();
    }

    static Map<String, Object> scalarEvent(String task, long timestamp, int iter) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("task", task);
        event.put("timestamp", timestamp);
        event.put("metric", "loss");
        event.put("variant", "train");
        event.put("iter", iter);
        event.put("value", 1.0 / (1 + iter));
        event.put("type", "training_stats_scalar");
        event.put("model_event", false);
        return event;
    }
}
