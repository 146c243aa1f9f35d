package io.xstore.projection.metrics;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Runs the metric event indexer: a Kafka Streams application (exactly-once, in-memory stores restored from their
 * changelogs) over the metric event log, writing Elasticsearch and handing summaries and deleted files to the sinks.
 * {@link #rebuild} re-indexes the whole log as a new generation of the application.
 */
public final class MetricIndexer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MetricIndexer.class);
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(60);

    private final MetricIndexerSettings settings;
    private final EventIndexSink index;
    private final SummarySink summaries;
    private final DeletedFilesSink files;
    private final IndexingProgress progress;
    private final IndexerGeneration generation;
    private final Retrier setupRetrier = new Retrier(Duration.ofMillis(200), Duration.ofSeconds(5));
    private final ThreadFailures threadFailures = new ThreadFailures();
    private final Object stateChanges = new Object();

    private volatile KafkaStreams streams;
    private volatile boolean closing;
    private Retrier retrier;
    private IndexingBuffer buffer;
    private Thread flushThread;
    private CatchUpMonitor catchUp;
    private Admin admin;
    private ScheduledExecutorService scheduler;

    public MetricIndexer(MetricIndexerSettings settings, EventIndexSink index, SummarySink summaries,
                         DeletedFilesSink files, IndexingProgress progress) {
        this.settings = settings;
        this.index = index;
        this.summaries = summaries;
        this.files = files;
        this.progress = progress;
        this.generation = new IndexerGeneration(settings.stateDir());
    }

    /**
     * Creates the topic and index template if missing and starts indexing; returns without waiting (see
     * {@link #awaitRunning}). Resumes an unfinished rebuild (see {@link #catchUp()}).
     */
    public synchronized void start() {
        if (streams != null) {
            throw new IllegalStateException("metric indexer already started");
        }
        ensureTopic();
        setupRetrier.run("creating the event index template", index::prepare);
        ReplayBoundary boundary = ReplayBoundary.load(boundaryFile()).orElse(ReplayBoundary.none());
        startStreams(boundary);
        if (!boundary.isNone()) {
            log.info("resuming the rebuild of the metric event index ({})", applicationId());
            watchCatchUp(logOffsets(OffsetSpec.earliest()), boundary.liveFrom(), p -> log.info("{}", p));
        }
    }

    /** Blocks until the stream threads run (partitions assigned, state restored), also across a rebuild's restart. */
    public void awaitRunning(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (stateChanges) {
            while (true) {
                KafkaStreams current = streams;
                KafkaStreams.State state = current == null ? null : current.state();
                if (state == KafkaStreams.State.RUNNING) {
                    return;
                }
                if (state == KafkaStreams.State.ERROR || closing) {
                    throw new IllegalStateException("metric indexer is " + (closing ? "closed" : state));
                }
                long remainingMs = Duration.ofNanos(deadline - System.nanoTime()).toMillis();
                if (remainingMs <= 0) {
                    throw new IllegalStateException("metric indexer not running after " + timeout.toMillis()
                            + " ms (state " + state + ")");
                }
                try {
                    stateChanges.wait(Math.min(remainingMs, 500));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for the metric indexer");
                }
            }
        }
    }

    /**
     * Re-indexes the whole event log: stops indexing, deletes every {@code events-*} index, and starts the next
     * generation of the application, which reads the log from its start. Summaries and file deletions of the
     * records the stopped generation had processed are not published again (the read models have them); later
     * records, including those appended during the rebuild, are handled normally. Returns once the new generation
     * is started; the future completes when it has caught up with the log end of that moment (a later rebuild or
     * {@link #close()} cancels it). {@code listener} hears progress every few seconds and at the end. Callers
     * waiting in {@link IndexingProgress} for new records wait until the replay reaches them.
     */
    public synchronized CompletableFuture<RebuildProgress> rebuild(Consumer<RebuildProgress> listener) {
        if (streams == null) {
            throw new IllegalStateException("metric indexer not started");
        }
        if (catchUp != null) {
            catchUp.cancel();
        }
        String previous = applicationId();
        stopStreams(true);
        Map<Integer, Long> begin = logOffsets(OffsetSpec.earliest());
        // what the stopped generation processed (and published): below it a record is a replay
        Map<Integer, Long> liveFrom = new HashMap<>(begin);
        liveFrom.putAll(committedOffsets(previous));
        Map<Integer, Long> end = logOffsets(OffsetSpec.latest());
        setupRetrier.run("deleting the event indices", index::dropAllIndices);
        setupRetrier.run("creating the event index template", index::prepare);
        deleteBoundaryFile();
        generation.next();
        ReplayBoundary boundary = new ReplayBoundary(liveFrom);
        boundary.save(boundaryFile());
        deleteInternalState(previous);
        log.info("rebuilding the metric event index as {} from {} log records", applicationId(),
                end.entrySet().stream().mapToLong(e -> e.getValue() - begin.getOrDefault(e.getKey(), 0L)).sum());
        startStreams(boundary);
        return watchCatchUp(begin, end, listener);
    }

    /**
     * Stops indexing, runs {@code whileStopped} with the offsets this generation committed (what it indexed and
     * published), and starts again where it stopped; for the switch of an online reindex ({@link OnlineReindex}).
     * Writers waiting in {@link IndexingProgress} wait meanwhile.
     */
    synchronized <T> T whileStopped(Function<Map<Integer, Long>, T> whileStopped) {
        if (streams == null || closing) {
            throw new IllegalStateException("metric indexer not running");
        }
        if (catchUp != null && !catchUp.future().isDone()) {
            throw new IllegalStateException("an offline rebuild of the metric event index is still running");
        }
        stopStreams(false);
        try {
            return whileStopped.apply(committedOffsets(applicationId()));
        } finally {
            startStreams(ReplayBoundary.load(boundaryFile()).orElse(ReplayBoundary.none()));
        }
    }

    /** Waits until every record handed to the buffer so far is written; false when the timeout came first. */
    boolean awaitFlushed(Duration timeout) throws InterruptedException {
        IndexingBuffer current = buffer;
        return current != null && current.awaitDrained(timeout);
    }

    MetricIndexerSettings settings() {
        return settings;
    }

    /** Completes when the current rebuild (if any) has caught up; already complete otherwise. */
    public synchronized CompletableFuture<RebuildProgress> catchUp() {
        return catchUp == null ? CompletableFuture.completedFuture(null) : catchUp.future();
    }

    public String applicationId() {
        return settings.applicationId() + "-g" + generation.current();
    }

    public KafkaStreams.State state() {
        KafkaStreams current = streams;
        return current == null ? KafkaStreams.State.CREATED : current.state();
    }

    public IndexingProgress progress() {
        return progress;
    }

    @Override
    public synchronized void close() {
        closing = true;
        setupRetrier.stop();
        if (catchUp != null) {
            catchUp.cancel();
        }
        if (streams != null) {
            stopStreams(false);
        }
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        if (admin != null) {
            admin.close(Duration.ofSeconds(5));
            admin = null;
        }
    }

    private void startStreams(ReplayBoundary boundary) {
        retrier = new Retrier(Duration.ofMillis(100), Duration.ofSeconds(5));
        buffer = new IndexingBuffer(index, summaries, progress, retrier, settings.maxBufferedDocs(),
                settings.maxBufferedBytes(), () -> System.nanoTime() / 1_000_000);
        IndexerParts parts = new IndexerParts(buffer, new EventDeletions(index, files, retrier), progress, boundary,
                settings.flushInterval(), true);
        flushThread = new Thread(buffer::flushWhenDue, "metric-indexer-flush");
        flushThread.setDaemon(true);
        flushThread.start();
        Properties config = IndexerStreamsConfig.of(settings, applicationId());
        KafkaStreams created = new KafkaStreams(
                MetricIndexerTopology.build(settings.topic(), parts, settings.maxRecordBytes(), config), config);
        Retrier threadRetrier = retrier;
        created.setUncaughtExceptionHandler(e -> closing || threadRetrier.isStopped()
                ? StreamThreadExceptionResponse.SHUTDOWN_CLIENT
                : threadFailures.replaceAfterPause(e));
        created.setStateListener((newState, oldState) -> {
            if (newState == KafkaStreams.State.ERROR) {
                log.error("metric indexer stopped with an error (was {})", oldState);
            }
            synchronized (stateChanges) {
                stateChanges.notifyAll();
            }
        });
        streams = created;
        created.start();
    }

    private void stopStreams(boolean cleanUp) {
        retrier.stop();
        boolean closed = streams.close(CloseOptions.groupMembershipOperation(
                CloseOptions.GroupMembershipOperation.LEAVE_GROUP).withTimeout(CLOSE_TIMEOUT));
        buffer.close();
        try {
            flushThread.join(CLOSE_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!closed) {
            log.error("metric indexer did not stop within {} s", CLOSE_TIMEOUT.toSeconds());
        } else if (cleanUp) {
            streams.cleanUp();
        }
        synchronized (stateChanges) {
            stateChanges.notifyAll();
        }
    }

    private CompletableFuture<RebuildProgress> watchCatchUp(Map<Integer, Long> begin, Map<Integer, Long> end,
                                                           Consumer<RebuildProgress> listener) {
        int rebuilt = generation.current();
        catchUp = new CatchUpMonitor(admin(), applicationId(), settings.topic(), begin, end,
                listener, settings.progressInterval(), buffer, () -> {
                    if (generation.current() == rebuilt) {
                        deleteBoundaryFile();
                    }
                });
        return catchUp.start(scheduler());
    }

    private void ensureTopic() {
        // the log is the source of the indices (rebuilds replay it): kept forever
        NewTopic topic = new NewTopic(settings.topic(), settings.partitions(), settings.replicationFactor())
                .configs(Map.of("retention.ms", "-1", "retention.bytes", "-1",
                        "max.message.bytes", String.valueOf(settings.maxRecordBytes())));
        try {
            admin().createTopics(List.of(topic)).all().get(ADMIN_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            log.info("created the metric event log topic {} ({} partitions)", settings.topic(), settings.partitions());
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create topic " + settings.topic(), e.getCause());
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot create topic " + settings.topic(), e);
        }
    }

    /** The offsets of every partition of the log; {@code latest} is the last committed (read_committed) end. */
    private Map<Integer, Long> logOffsets(OffsetSpec spec) {
        try {
            TopicDescription topic = admin().describeTopics(List.of(settings.topic())).allTopicNames()
                    .get(ADMIN_TIMEOUT.toSeconds(), TimeUnit.SECONDS).get(settings.topic());
            Map<TopicPartition, OffsetSpec> request = new HashMap<>();
            topic.partitions().forEach(p -> request.put(new TopicPartition(settings.topic(), p.partition()), spec));
            Map<Integer, Long> offsets = new HashMap<>();
            admin().listOffsets(request, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all()
                    .get(ADMIN_TIMEOUT.toSeconds(), TimeUnit.SECONDS)
                    .forEach((partition, info) -> offsets.put(partition.partition(), info.offset()));
            return offsets;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the offsets of " + settings.topic());
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the offsets of " + settings.topic(), e);
        }
    }

    /** The offsets a consumer group committed on the log, by partition (partitions without a commit left out). */
    private Map<Integer, Long> committedOffsets(String groupId) {
        try {
            Map<Integer, Long> offsets = new HashMap<>();
            admin().listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata()
                    .get(ADMIN_TIMEOUT.toSeconds(), TimeUnit.SECONDS)
                    .forEach((partition, committed) -> {
                        if (committed != null && partition.topic().equals(settings.topic())) {
                            offsets.put(partition.partition(), committed.offset());
                        }
                    });
            return offsets;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the offsets of " + groupId);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the offsets of " + groupId, e);
        }
    }

    /** Best effort: the previous generation's changelog topics, consumer group and local state directory. */
    private void deleteInternalState(String previousApplicationId) {
        Path localState = settings.stateDir().resolve("streams").resolve(previousApplicationId);
        try (Stream<Path> paths = Files.exists(localState) ? Files.walk(localState) : Stream.empty()) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (Exception e) {
            log.warn("cannot delete {}: {}", localState, Retrier.describe(e));
        }
        try {
            Set<String> topics = admin().listTopics().names().get(ADMIN_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            List<String> internal = topics.stream().filter(t -> t.startsWith(previousApplicationId + "-")).toList();
            if (!internal.isEmpty()) {
                admin().deleteTopics(internal).all().get(ADMIN_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            }
            admin().deleteConsumerGroups(List.of(previousApplicationId)).all()
                    .get(ADMIN_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.warn("state of the previous metric indexer {} not fully deleted: {}", previousApplicationId,
                    Retrier.describe(e));
        }
    }

    private Path boundaryFile() {
        return settings.stateDir().resolve("rebuild-boundary-g" + generation.current() + ".properties");
    }

    private void deleteBoundaryFile() {
        try {
            Files.deleteIfExists(boundaryFile());
        } catch (Exception e) {
            log.warn("cannot delete {}: {}", boundaryFile(), Retrier.describe(e));
        }
    }

    private Admin admin() {
        if (admin == null) {
            admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers()));
        }
        return admin;
    }

    private ScheduledExecutorService scheduler() {
        if (scheduler == null) {
            scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "metric-indexer-rebuild");
                thread.setDaemon(true);
                return thread;
            });
        }
        return scheduler;
    }
}
