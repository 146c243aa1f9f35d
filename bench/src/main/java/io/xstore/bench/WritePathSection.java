package io.xstore.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Section {@code write-path}: seeds {@code manyTasks} tasks concurrently, then measures the task commands from 1 and
 * {@code writeThreads} clients, reads by id beside a no-op call, the task table query over all seeded tasks beside
 * MongoDB, and a full replay of the store beside reading the log and bulk-writing MongoDB raw.
 */
final class WritePathSection {

    private WritePathSection() {
    }

    static ReportSection run(EmbeddedServer server, BenchApi api, LoadRunner runner, BenchSettings settings)
            throws Exception {
        // seeding and replay are sized by their counts, not by the time limit of the measured phases
        LoadRunner unlimited = new LoadRunner(Duration.ofHours(2));
        TaskPool pool = new TaskPool(api, "bench-write-path");
        XstoreBench.progress("seeding " + settings.manyTasks() + " tasks from " + settings.seedThreads()
                + " clients ...");
        Measurement seeding = XstoreBench.measured(pool.seed(unlimited, settings.manyTasks(),
                settings.seedThreads()));
        List<Measurement> all = new ArrayList<>(List.of(seeding));

        CommandBenchmarks commands = new CommandBenchmarks(api, runner, settings, pool);
        all.addAll(commands.creates());
        all.addAll(commands.edits());
        all.addAll(commands.editsInTurn());
        all.addAll(commands.pings());
        all.addAll(commands.starts());

        QueryBenchmarks queries = new QueryBenchmarks(api, runner, settings, pool);
        Measurement noOp = XstoreBench.measured(queries.noOp());
        Measurement getById = XstoreBench.measured(queries.getById());
        Measurement getByIdWorkingSet = XstoreBench.measured(queries.getByIdWorkingSet());
        all.addAll(List.of(noOp, getById, getByIdWorkingSet));
        // a failing query phase is reported, and the replay still measured
        List<String> failures = new ArrayList<>();
        Measurement getAllEx = attempt(queries::getAllEx, failures, all);
        Measurement rawGetAllEx = attempt(() -> queries.rawGetAllEx(server.mongoDatabase()), failures, all);

        TaskHistories histories = pool.histories(server);
        List<Measurement> snapshotLoads = new SnapshotBenchmarks(server, api).loads(histories,
                settings.snapshotEvents());
        snapshotLoads.forEach(XstoreBench::measured);
        all.addAll(snapshotLoads);

        ReplayBenchmarks replay = new ReplayBenchmarks(server, unlimited, settings);
        ReplayBenchmarks.Store store = replay.prepareStore(histories);
        Measurement rebuild = XstoreBench.measured(replay.rebuildAll());
        Measurement readLog = XstoreBench.measured(replay.readEventLog());
        String template = pool.all().get(0);
        Measurement insertMany;
        Measurement replace;
        try {
            insertMany = XstoreBench.measured(replay.mongoInsertMany(rebuild.ops(), template));
            replace = XstoreBench.measured(replay.mongoBulkReplace(rebuild.ops(), template));
        } finally {
            replay.dropRawCollection();
        }
        all.addAll(List.of(rebuild, readLog, insertMany, replace));

        List<ReportSection.Pair> pairs = new ArrayList<>(List.of(new ReportSection.Pair(getById, noOp),
                new ReportSection.Pair(getByIdWorkingSet, noOp),
                new ReportSection.Pair(snapshotLoads.get(1), snapshotLoads.get(0))));
        if (getAllEx != null && rawGetAllEx != null) {
            pairs.add(new ReportSection.Pair(getAllEx, rawGetAllEx));
        }
        pairs.addAll(List.of(
                new ReportSection.Pair(rebuild, readLog),
                new ReportSection.Pair(rebuild, insertMany),
                new ReportSection.Pair(rebuild, replace)));
        return new ReportSection("Write path (section write-path)", all, pairs, """
                %,d tasks seeded in one project from %d clients; commands from 1 and %d clients, each on its own \
                task in status created where the command changes the status (tasks.started). tasks.edit (comment \
                and tags: two events) first edits a task no command touched since the seeding, each call another \
                of the %,d (its aggregate loaded from the event store: the aggregate cache holds the tasks used \
                lately), then %d tasks in turn, as a session edits its running task again and again. The no-op is %s, \
                an authenticated call that answers a constant. The calls are made by a lean HTTP/1.1 client on \
                kept-alive connections, in the server's JVM and on its cores (half the server's CPU per call on the \
                no-op, a few percent of it on commands; the JDK's HttpClient of earlier runs cost more than the \
                server's answer to the no-op). The no-op and tasks.get_by_id rows check the answer's status and, for a task, \
                its id in the answer's text, without parsing it into a JSON tree: on the shared cores, parsing a \
                task's answer cost the client more than the server spent answering. Each command row pair and each read row follows %,d unrecorded \
                calls of its own (bench.steadyWarmup), so the JIT has compiled its path: with 2,000 (the earlier \
                default) the rows measured C2 at work, compiling some 700 methods a second on the shared \
                cores, and edits looked half as fast. \
                tasks.get_by_id reads a random one of all seeded tasks (almost always a first read: the read side's \
                copies hold what was read lately), then %d tasks in turn, as a client re-reads the tasks it works \
                on. tasks.get_all_ex and its raw twin page through the \
                tasks of that project still in status created. The TaskAggregate loads build a task created and \
                then given %,d metrics summaries (appended to the event store) %d times each as a command does on \
                a miss of the aggregate cache (the log file itself in the OS page cache): from all its events, and \
                from the snapshot the server took after the first command on it (threshold \
                xstore.command.task-snapshot-threshold) plus the event of that command.
                The replay store: %,d events, of which %,d are SDK-like histories appended to the event store \
                before the replay (%,d tasks of %d events: created, comment and tags changed, started, \
                %d metrics summaries and %d iteration reports, completed; %d tasks at a time, their events interleaved); the rest are the \
                seeded tasks (one event each), the commands above and the long history. The replay (all read \
                models reset, every event of the store applied: pages of events folded per document in memory by \
                the projection code, each document written once per page) runs on the idle server; its raw \
                baselines read the same number of events from the log without applying them, and bulk-write as \
                many task documents (copies of a seeded one) as there are events.
                %s""".formatted(settings.manyTasks(), settings.seedThreads(), settings.writeThreads(),
                settings.manyTasks(), QueryBenchmarks.WORKING_SET, QueryBenchmarks.NO_OP, settings.steadyWarmup(),
                QueryBenchmarks.WORKING_SET,
                settings.snapshotEvents(), SnapshotBenchmarks.LOADS, store.events(),
                store.historyEvents(), store.historyTasks(), TaskHistories.EVENTS_PER_TASK,
                TaskHistories.METRIC_REPORTS, TaskHistories.METRIC_REPORTS / 2, settings.historySessions(),
                failures.stream().map(f -> "\nFAILED: " + f).collect(Collectors.joining())));
    }

    private static Measurement attempt(Supplier<Measurement> phase, List<String> failures, List<Measurement> all) {
        try {
            Measurement m = XstoreBench.measured(phase.get());
            all.add(m);
            return m;
        } catch (RuntimeException e) {
            XstoreBench.progress("FAILED: " + e.getMessage());
            failures.add(e.getMessage());
            return null;
        }
    }
}
