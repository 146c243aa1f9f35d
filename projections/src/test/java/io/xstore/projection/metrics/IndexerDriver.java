package io.xstore.projection.metrics;

import io.xstore.api.AuditEntry;
import io.xstore.api.metrics.MetricEventBatch;
import io.xstore.api.metrics.MetricEventsDeletion;
import io.xstore.api.metrics.MetricLogEntry;
import io.xstore.api.metrics.TargetMetrics;
import io.xstore.readmodel.events.MetricLogCodec;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/** The indexer topology in a {@link TopologyTestDriver}, with our in-memory index and recording sinks. */
final class IndexerDriver implements AutoCloseable {

    static final String TOPIC = "task-events";
    static final String COMPANY = "Comp1";
    static final AuditEntry AUDIT = new AuditEntry("u1", "User", COMPANY, Instant.parse("2025-01-13T16:32:13Z"), "c1");

    final InMemoryEventIndex index = new InMemoryEventIndex();
    final List<TargetMetrics> published = new ArrayList<>();
    final List<DeletedFiles> deletedFiles = new ArrayList<>();
    final IndexingProgress progress = new IndexingProgress();
    /** The indexer's clock (ms): every write to the index takes {@link #WRITE_MS}, {@link #flush()} lets time pass. */
    final AtomicLong clock = new AtomicLong(1_000_000);
    static final long WRITE_MS = 20;
    final TopologyTestDriver driver;
    private final TestInputTopic<String, byte[]> input;
    private long nextOffset;

    record DeletedFiles(String target, boolean model, String company, Set<String> urls) {
    }

    IndexerDriver() {
        this(ReplayBoundary.none(), 2_000);
    }

    IndexerDriver(ReplayBoundary boundary, int maxBufferedDocs) {
        index.onWrite = () -> clock.addAndGet(WRITE_MS);
        Retrier retrier = new Retrier(Duration.ofMillis(1), Duration.ofMillis(2));
        IndexingBuffer buffer = new IndexingBuffer(index, published::add, progress, retrier, maxBufferedDocs,
                8L << 20, clock::get);
        DeletedFilesSink files = (target, model, company, urls) ->
                deletedFiles.add(new DeletedFiles(target, model, company, Set.copyOf(urls)));
        IndexerParts parts = new IndexerParts(buffer, new EventDeletions(index, files, retrier), progress, boundary,
                Duration.ofMillis(5), false);
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "metric-indexer-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        // its own state directory: the default /tmp/kafka-streams is shared with other builds on the machine, whose
        // drivers delete it when they close
        config.put(StreamsConfig.STATE_DIR_CONFIG, Path.of("target", "kafka-streams").toAbsolutePath().toString());
        config.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        driver = new TopologyTestDriver(MetricIndexerTopology.build(TOPIC, parts, 1 << 20, config), config,
                Instant.parse("2025-01-13T16:00:00Z"));
        input = driver.createInputTopic(TOPIC, new StringSerializer(), new ByteArraySerializer());
    }

    /** Appends a batch; returns its offset. */
    long batch(String target, List<Map<String, Object>> events) {
        return append(target, MetricLogEntry.of(new MetricEventBatch(target, false, COMPANY, events, AUDIT)));
    }

    long deleteAll(String target) {
        return append(target, MetricLogEntry.of(new MetricEventsDeletion(target, false, COMPANY,
                MetricEventsDeletion.Scope.ALL, null, List.of(), List.of(), AUDIT)));
    }

    long deleteLogs(String target, Long olderThan, List<String> include, List<String> exclude) {
        return append(target, MetricLogEntry.of(new MetricEventsDeletion(target, false, COMPANY,
                MetricEventsDeletion.Scope.LOG, olderThan, include, exclude, AUDIT)));
    }

    long append(String target, MetricLogEntry entry) {
        return appendRaw(target, MetricLogCodec.encode(entry));
    }

    long appendRaw(String target, byte[] value) {
        input.pipeInput(target, value);
        return nextOffset++;
    }

    /** Lets time pass so that the flush timer writes whatever was gathered. */
    void flush() {
        clock.addAndGet(IndexingBuffer.MAX_GATHER_MS);
        driver.advanceWallClockTime(Duration.ofMillis(10));
    }

    KeyValueStore<String, byte[]> pendingStore() {
        return driver.getKeyValueStore(MetricIndexerTopology.PENDING_STORE);
    }

    KeyValueStore<String, SeriesState> summaryStore() {
        return driver.getKeyValueStore(MetricIndexerTopology.SUMMARY_STORE);
    }

    List<SeriesState> summaries(String target) {
        return new SeriesSummaries(summaryStore()).of(target);
    }

    TargetMetrics lastPublished(String target) {
        for (int i = published.size() - 1; i >= 0; i--) {
            if (published.get(i).target().equals(target)) {
                return published.get(i);
            }
        }
        return null;
    }

    @Override
    public void close() {
        driver.close();
    }
}
