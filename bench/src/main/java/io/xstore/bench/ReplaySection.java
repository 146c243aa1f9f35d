package io.xstore.bench;

import io.xstore.command.eventstore.FileEventStorageEngine;
import io.xstore.readmodel.Collections;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;

/**
 * Section {@code replay}: a store of about {@code bench.replayEvents} events (tasks created through the API, then
 * SDK-like task histories appended to the event store) rebuilt by the server's replay, beside reading the log and
 * bulk-writing MongoDB raw in the same run. The full replay of the write-path section without its command phases.
 * With {@code bench.dataDir} and {@code bench.keepData} a later run replays the kept store again as it is, when it holds
 * at least half of {@code bench.replayEvents} (to profile the replay again and again).
 */
final class ReplaySection {

    private ReplaySection() {
    }

    static ReportSection run(EmbeddedServer server, BenchApi api, BenchSettings settings) throws Exception {
        LoadRunner unlimited = new LoadRunner(Duration.ofHours(2));
        ReplayBenchmarks replay = new ReplayBenchmarks(server, unlimited, settings);
        FileEventStorageEngine engine = server.bean(FileEventStorageEngine.class);
        List<Measurement> all = new ArrayList<>();
        String composition;
        if (engine.head() + 1 >= settings.replayEvents() / 2) {
            composition = String.format("a kept store of %,d events (bench.dataDir) replayed again", engine.head() + 1);
            XstoreBench.progress(composition);
        } else {
            TaskPool pool = new TaskPool(api, "bench-replay");
            int seeded = Math.max(1, Math.min(settings.replayTasks(), settings.replayEvents() / 2));
            XstoreBench.progress("seeding " + seeded + " tasks from " + settings.seedThreads() + " clients ...");
            all.add(XstoreBench.measured(pool.seed(unlimited, seeded, settings.seedThreads())));
            ReplayBenchmarks.Store store = replay.prepareStore(pool.histories(server));
            composition = String.format("%,d events: %,d tasks created through the API (one event each, plus the "
                    + "project and the user), then %,d events of SDK-like task histories appended to the event store "
                    + "(%,d tasks of %d events, %d at a time, interleaved: created, comment and tags changed, started, "
                    + "%d metrics summaries and %d iteration reports, completed)", store.events(), seeded,
                    store.historyEvents(), store.historyTasks(), TaskHistories.EVENTS_PER_TASK, settings.historySessions(),
                    TaskHistories.METRIC_REPORTS, TaskHistories.METRIC_REPORTS / 2);
        }
        Document template = server.mongoDatabase().getCollection(Collections.TASKS).find().first();
        if (template == null) {
            throw new IllegalStateException("no task in the read model to copy for the raw baselines");
        }
        Measurement rebuild = XstoreBench.measured(replay.rebuildAll());
        Measurement again = XstoreBench.measured(replay.rebuildAll("replay again"));
        Measurement readLog = XstoreBench.measured(replay.readEventLog());
        Measurement insertMany;
        Measurement replace;
        try {
            insertMany = XstoreBench.measured(replay.mongoInsertMany(rebuild.ops(), template.getString("_id")));
            replace = XstoreBench.measured(replay.mongoBulkReplace(rebuild.ops(), template.getString("_id")));
        } finally {
            replay.dropRawCollection();
        }
        all.addAll(List.of(rebuild, again, readLog, insertMany, replace));
        List<ReportSection.Pair> pairs = List.of(new ReportSection.Pair(rebuild, readLog),
                new ReportSection.Pair(rebuild, insertMany), new ReportSection.Pair(rebuild, replace));
        return new ReportSection("Replay (section replay)", all, pairs, """
                The replay store: %s. The replay (all read models reset, every event of the store applied) runs on \
                the idle server, the first in this JVM (as after an upgrade: the JIT compiles the replay's code \
                while it runs), then again at once (that code compiled, as a server long up rebuilds); its raw \
                baselines read the same number of events from the log without applying \
                them, and bulk-write as many task documents (copies of a seeded one) as there are events.\
                """.formatted(composition));
    }
}
