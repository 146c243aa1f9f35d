package io.xstore.bench;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import io.xstore.command.eventstore.FileEventStorageEngine;
import io.xstore.projection.processing.ProjectorProgress;
import io.xstore.projection.processing.StreamingProjector;
import io.xstore.projection.replay.ReadModelRebuilder;
import io.xstore.readmodel.Collections;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bson.Document;

/**
 * A full read-model rebuild by the server's own {@link ReadModelRebuilder} (every projector reset, the whole store
 * replayed) on the running, idle server, beside its two halves done raw: reading the event log alone, and writing
 * as many task documents to MongoDB in bulk as there are events.
 */
final class ReplayBenchmarks {

    private static final String RAW_COLLECTION = "bench_raw_replay";
    private static final Duration REBUILD_TIMEOUT = Duration.ofHours(1);
    private static final List<String> COUNTED = List.of(Collections.TASKS, Collections.PROJECTS,
            Collections.MODELS, Collections.USERS, Collections.CREDENTIALS);

    private final EmbeddedServer server;
    private final LoadRunner runner;
    private final BenchSettings settings;

    ReplayBenchmarks(EmbeddedServer server, LoadRunner runner, BenchSettings settings) {
        this.server = server;
        this.runner = runner;
        this.settings = settings;
    }

    /** The store the replay runs over: all its events, of which {@code historyEvents} in SDK-like histories. */
    record Store(long events, long historyEvents, long historyTasks) {
    }

    /**
     * Appends SDK-like task histories to the event store, at least half of {@code replayEvents} and enough to bring it
     * to {@code replayEvents}, and waits until the read models show them.
     */
    Store prepareStore(TaskHistories histories) {
        FileEventStorageEngine engine = server.bean(FileEventStorageEngine.class);
        long before = engine.head() + 1;
        long wanted = Math.max(settings.replayEvents() - before, settings.replayEvents() / 2);
        XstoreBench.progress(String.format("appending about %,d events of task histories to the %,d of the store",
                wanted, before));
        long appended = histories.append(engine, wanted, settings.historySessions());
        server.bean(ReadModelRebuilder.class).catchUp(REBUILD_TIMEOUT, line -> XstoreBench.progress(line),
                "projecting the histories");
        return new Store(engine.head() + 1, appended, appended / TaskHistories.EVENTS_PER_TASK);
    }

    /** Fails when a read model holds another number of documents after the replay than before. */
    Measurement rebuildAll() {
        return rebuildAll("replay");
    }

    /** The same, its row named {@code name}. */
    Measurement rebuildAll(String name) {
        MongoDatabase mongo = server.mongoDatabase();
        Map<String, Long> before = documentCounts(mongo);
        long writesBefore = documentWrites();
        long cpuBefore = processCpuNanos();
        Map<String, Long> threadsBefore = ThreadCpu.byKind();
        long start = System.nanoTime();
        long events = server.bean(ReadModelRebuilder.class).rebuildAll(REBUILD_TIMEOUT,
                line -> XstoreBench.progress(line));
        long elapsed = System.nanoTime() - start;
        double cpuMicrosPerEvent = (processCpuNanos() - cpuBefore) / 1e3 / Math.max(events, 1);
        Map<String, Long> threadsAfter = ThreadCpu.byKind();
        double jit = perEvent(threadsBefore, threadsAfter, ThreadCpu.JIT, events);
        double gc = perEvent(threadsBefore, threadsAfter, ThreadCpu.GC, events);
        double writesPerEvent = (double) (documentWrites() - writesBefore) / Math.max(events, 1);
        Map<String, Long> after = documentCounts(mongo);
        if (!before.equals(after)) {
            throw new IllegalStateException("documents per read model before the replay " + before + ", after "
                    + after);
        }
        XstoreBench.progress("read models after the replay as before: " + after);
        return Measurement.once(String.format(Locale.ROOT, "%s: ReadModelRebuilder.rebuildAll (%.1f s, %.2f "
                + "document writes per event, %.0f µs CPU per event: %.0f JIT, %.0f GC, %.0f the rest)",
                name, elapsed / 1e9, writesPerEvent, cpuMicrosPerEvent, jit, gc, cpuMicrosPerEvent - jit - gc),
                "events/s", events, elapsed);
    }

    private static double perEvent(Map<String, Long> before, Map<String, Long> after, String kind, long events) {
        return (after.getOrDefault(kind, 0L) - before.getOrDefault(kind, 0L)) / 1e3 / Math.max(events, 1);
    }

    /** CPU time of the whole process (every thread): the replay's cost whatever else loads the machine. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private long documentWrites() {
        return server.bean(ProjectorProgress.class).readModelProjectors().stream()
                .mapToLong(StreamingProjector::documentWrites).sum();
    }

    /** Every stored event read, upcast and deserialized, as the projectors get them; nothing applied. */
    Measurement readEventLog() {
        FileEventStorageEngine engine = server.bean(FileEventStorageEngine.class);
        long head = engine.head();
        long start = System.nanoTime();
        long events;
        try (var stream = engine.readEvents(0, head)) {
            events = stream.mapToLong(e -> e.getPayload() == null ? 0 : 1).sum();
        }
        long elapsed = System.nanoTime() - start;
        return Measurement.once(String.format("raw: FileEventStorageEngine.readEvents (%.1f s)", elapsed / 1e9),
                "events/s", events, elapsed);
    }

    /** insertMany of {@code documents} copies of a seeded task's document, in bulks of {@code rawBulkSize}. */
    Measurement mongoInsertMany(long documents, String templateTaskId) {
        return mongoBulks("raw: MongoDB insertMany", documents, templateTaskId,
                (raw, batch) -> raw.insertMany(batch));
    }

    /** The same documents again, as upserting replaces by id: the other way a projector could write them. */
    Measurement mongoBulkReplace(long documents, String templateTaskId) {
        ReplaceOptions upsert = new ReplaceOptions().upsert(true);
        return mongoBulks("raw: MongoDB bulkWrite replaceOne upsert", documents, templateTaskId, (raw, batch) -> {
            List<WriteModel<Document>> writes = new ArrayList<>(batch.size());
            batch.forEach(doc -> writes.add(new ReplaceOneModel<>(Filters.eq("_id", doc.get("_id")), doc, upsert)));
            raw.bulkWrite(writes);
        });
    }

    void dropRawCollection() {
        server.mongoDatabase().getCollection(RAW_COLLECTION).drop();
    }

    private interface BulkWrite {
        void write(MongoCollection<Document> collection, List<Document> batch);
    }

    private Measurement mongoBulks(String name, long documents, String templateTaskId, BulkWrite bulk) {
        MongoCollection<Document> tasks = server.mongoDatabase().getCollection(Collections.TASKS);
        Document template = tasks.find(Filters.eq("_id", templateTaskId)).first();
        if (template == null) {
            throw new IllegalStateException("task " + templateTaskId + " is not in the read model");
        }
        MongoCollection<Document> raw = server.mongoDatabase().getCollection(RAW_COLLECTION);
        int size = settings.rawBulkSize();
        int bulks = Math.toIntExact((documents + size - 1) / size);
        return runner.measure(String.format("%s (%d docs per bulk)", name, size), "docs/s", bulks, 1, size, i -> {
            List<Document> batch = new ArrayList<>(size);
            for (int j = 0; j < size; j++) {
                Document copy = new Document(template);
                copy.put("_id", "raw-" + ((long) i * size + j));
                batch.add(copy);
            }
            bulk.write(raw, batch);
        });
    }

    private static Map<String, Long> documentCounts(MongoDatabase mongo) {
        Map<String, Long> counts = new LinkedHashMap<>();
        COUNTED.forEach(name -> counts.put(name, mongo.getCollection(name).countDocuments()));
        return counts;
    }
}
