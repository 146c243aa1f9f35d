package io.xstore.projection.metrics;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ExpandWildcard;
import co.elastic.clients.elasticsearch.indices.update_aliases.Action;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Rebuilds the event indices while the server keeps answering from them (docs/operations.md, "Online rebuilds"): a
 * second indexer, with an application id of its own and no side effects (no summaries, no file deletions), replays
 * the metric event log from its start into the next generation's indices ({@code <name>-g<n>}, see
 * {@link EventIndexLayout}), and keeps following the log, so events written meanwhile land there too. Once it has
 * caught up, the live indexer stops for the switch: the new indices are brought to the offsets the live one
 * committed, one {@code _aliases} call moves every name to its new index and deletes the old ones, and the live
 * indexer starts again on the new generation where it stopped. Records the builder indexed past that point are
 * indexed again by the live indexer (same document ids), which also publishes their summaries as usual.
 */
public final class OnlineReindex {

    private static final Logger log = LoggerFactory.getLogger(OnlineReindex.class);
    private static final Duration CHECK_EVERY = Duration.ofMillis(250);
    private static final Duration REPORT_EVERY = Duration.ofSeconds(3);
    private static final Duration SWITCH_TIMEOUT = Duration.ofSeconds(120);
    private static final long ADMIN_TIMEOUT_S = 30;

    private final MetricIndexer live;
    private final ElasticsearchClient client;
    private final EventIndexLayout layout;

    public OnlineReindex(MetricIndexer live, ElasticsearchClient client, EventIndexLayout layout) {
        this.live = live;
        this.client = client;
        this.layout = layout;
    }

    /** What a finished online reindex did, for its one-line summary. */
    public record Result(int generation, long logRecords, long documents, long documentsBefore, int indices,
                         int oldIndicesDeleted, Duration elapsed) {

        @Override
        public String toString() {
            double seconds = Math.max(elapsed.toMillis() / 1000.0, 0.001);
            return String.format(Locale.ROOT, "online reindex: %d events (%d log records) into %d indices of "
                            + "generation g%d in %.1f s (%.0f events/s); reads switched, %d old indices deleted "
                            + "(they held %d events)", documents, logRecords, indices, generation, seconds,
                    documents / seconds, oldIndicesDeleted, documentsBefore);
        }
    }

    public synchronized Result run(Consumer<String> report) {
        long started = System.nanoTime();
        int next = layout.generation() + 1;
        String suffix = EventIndexLayout.suffix(next);
        MetricIndexerSettings base = live.settings();
        Path stateDir = base.stateDir().resolve("reindex-g" + next);
        MetricIndexerSettings settings = new MetricIndexerSettings(base.bootstrapServers(), base.topic(),
                base.partitions(), base.replicationFactor(), stateDir, base.applicationId() + "-reindex-g" + next,
                base.flushInterval(), base.pollInterval(), base.maxBufferedDocs(), base.maxBufferedBytes(),
                base.maxRecordBytes(), base.progressInterval(), base.streamsOverrides());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                base.bootstrapServers()))) {
            MetricIndexer builder = new MetricIndexer(settings,
                    new ElasticsearchEventIndexSink(client, EventIndexLayout.building(next)),
                    metrics -> { }, (target, model, company, urls) -> { }, new IndexingProgress());
            String builderGroup = builder.applicationId();
            deleteBuilderState(admin, builderGroup, stateDir, base.topic());
            deleteIndices(indices(suffix, true));
            boolean switched = false;
            try {
                builder.start();
                Map<Integer, Long> begin = logOffsets(admin, base.topic(), OffsetSpec.earliest());
                Map<Integer, Long> end = logOffsets(admin, base.topic(), OffsetSpec.latest());
                long total = span(begin, end);
                report.accept(String.format(Locale.ROOT, "online reindex: building generation g%d (events-*%s) "
                        + "from %d log records; reads stay on generation g%d meanwhile", next, suffix, total,
                        layout.generation()));
                follow(admin, builder, builderGroup, base.topic(), begin, end, suffix, report, started);
                // what arrived while it caught up: a short second round, so the switch only waits for a few records
                follow(admin, builder, builderGroup, base.topic(), begin,
                        logOffsets(admin, base.topic(), OffsetSpec.latest()), suffix, report, started);
                report.accept("online reindex: caught up; switching (writes wait for the time of the switch)");
                long before = countDocuments(indices(suffix, false));
                Result result = live.whileStopped(committed -> {
                    awaitCommitted(admin, builderGroup, base.topic(), committed, builder);
                    builder.close();
                    List<String> old = indices(suffix, false);
                    List<String> built = indices(suffix, true);
                    swapAliases(old, built, suffix);
                    layout.switchTo(next);
                    long documents = countDocuments(built);
                    return new Result(next, span(begin, committed), documents, before, built.size(),
                            old.size(), Duration.ofNanos(System.nanoTime() - started));
                });
                switched = true;
                log.info("{}", result);
                return result;
            } finally {
                builder.close();
                if (!switched) {
                    deleteIndices(indices(suffix, true));
                    log.warn("online reindex to generation g{} did not finish; its indices were deleted", next);
                }
                deleteBuilderState(admin, builderGroup, stateDir, base.topic());
            }
        }
    }

    /** Follows the builder until every partition is past {@code end}, reporting progress every few seconds. */
    private void follow(Admin admin, MetricIndexer builder, String group, String topic, Map<Integer, Long> begin,
                        Map<Integer, Long> end, String suffix, Consumer<String> report, long startedNanos) {
        long total = span(begin, end);
        long lastReport = System.nanoTime();
        while (true) {
            if (builder.state() == org.apache.kafka.streams.KafkaStreams.State.ERROR) {
                throw new IllegalStateException("the index builder stopped with an error (see the log)");
            }
            Map<Integer, Long> committed = committedOffsets(admin, group, topic);
            long done = 0;
            boolean caughtUp = true;
            for (Map.Entry<Integer, Long> partition : end.entrySet()) {
                long from = begin.getOrDefault(partition.getKey(), 0L);
                long at = Math.max(from, Math.min(partition.getValue(),
                        committed.getOrDefault(partition.getKey(), from)));
                done += at - from;
                caughtUp &= at >= partition.getValue();
            }
            if (caughtUp) {
                return;
            }
            if (System.nanoTime() - lastReport >= REPORT_EVERY.toNanos()) {
                lastReport = System.nanoTime();
                double seconds = Math.max((lastReport - startedNanos) / 1e9, 0.001);
                long documents = countDocuments(indices(suffix, true));
                double rate = done / seconds;
                report.accept(String.format(Locale.ROOT, "online reindex: %d of %d log records (%d%%), %.0f "
                                + "records/s, %d events indexed (%.0f events/s), ETA %s", done, total,
                        total == 0 ? 100 : done * 100 / total, rate, documents, documents / seconds,
                        rate > 0 ? Math.round((total - done) / rate) + " s" : "unknown"));
            }
            sleep(CHECK_EVERY);
        }
    }

    /** Waits until the builder has committed and written everything the stopped live indexer had. */
    private void awaitCommitted(Admin admin, String group, String topic, Map<Integer, Long> target,
                                MetricIndexer builder) {
        long deadline = System.nanoTime() + SWITCH_TIMEOUT.toNanos();
        while (true) {
            Map<Integer, Long> committed = committedOffsets(admin, group, topic);
            boolean reached = target.entrySet().stream()
                    .allMatch(e -> committed.getOrDefault(e.getKey(), 0L) >= e.getValue());
            if (reached) {
                break;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the index builder did not reach the live indexer's offsets "
                        + new TreeMap<>(target) + " within " + SWITCH_TIMEOUT.toSeconds() + " s (at "
                        + new TreeMap<>(committed) + ")");
            }
            sleep(Duration.ofMillis(50));
        }
        try {
            if (!builder.awaitFlushed(SWITCH_TIMEOUT)) {
                throw new IllegalStateException("the index builder did not write its buffered events within "
                        + SWITCH_TIMEOUT.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during the switch");
        }
    }

    /** One atomic {@code _aliases} call: every name to its new index, the old indices deleted. */
    private void swapAliases(List<String> old, List<String> built, String suffix) {
        List<Action> actions = new ArrayList<>();
        old.forEach(index -> actions.add(Action.of(a -> a.removeIndex(r -> r.index(index)))));
        built.forEach(index -> actions.add(Action.of(a -> a.add(add -> add.index(index)
                .alias(index.substring(0, index.length() - suffix.length()))))));
        if (actions.isEmpty()) {
            return;
        }
        try {
            client.indices().updateAliases(u -> u.actions(actions));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot switch the event index aliases", e);
        }
    }

    private List<String> listEventIndices() {
        try {
            return new ArrayList<>(client.indices().get(g -> g.index("events-*").allowNoIndices(true)
                    .ignoreUnavailable(true).expandWildcards(ExpandWildcard.Open, ExpandWildcard.Closed))
                    .result().keySet());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the event indices", e);
        }
    }

    private List<String> indices(String suffix, boolean built) {
        return listEventIndices().stream().filter(index -> index.endsWith(suffix) == built).toList();
    }

    private long countDocuments(List<String> indices) {
        if (indices.isEmpty()) {
            return 0;
        }
        try {
            return client.count(c -> c.index(indices).ignoreUnavailable(true)).count();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot count the events of " + indices.size() + " indices", e);
        }
    }

    private void deleteIndices(List<String> indices) {
        try {
            for (int from = 0; from < indices.size(); from += 50) {
                List<String> chunk = indices.subList(from, Math.min(indices.size(), from + 50));
                client.indices().delete(d -> d.index(chunk).ignoreUnavailable(true));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + indices.size() + " event indices", e);
        }
    }

    /** Best effort: the builder's consumer group, changelog topics and local state. */
    private static void deleteBuilderState(Admin admin, String group, Path stateDir, String topic) {
        try (Stream<Path> paths = Files.exists(stateDir) ? Files.walk(stateDir) : Stream.empty()) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (Exception e) {
            log.warn("cannot delete {}: {}", stateDir, Retrier.describe(e));
        }
        try {
            List<String> internal = admin.listTopics().names().get(ADMIN_TIMEOUT_S, TimeUnit.SECONDS).stream()
                    .filter(t -> t.startsWith(group + "-") && !t.equals(topic)).toList();
            if (!internal.isEmpty()) {
                admin.deleteTopics(internal).all().get(ADMIN_TIMEOUT_S, TimeUnit.SECONDS);
            }
            if (admin.listConsumerGroups().all().get(ADMIN_TIMEOUT_S, TimeUnit.SECONDS).stream()
                    .anyMatch(g -> g.groupId().equals(group))) {
                admin.deleteConsumerGroups(List.of(group)).all().get(ADMIN_TIMEOUT_S, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.warn("state of the index builder {} not fully deleted: {}", group, Retrier.describe(e));
        }
    }

    private static Map<Integer, Long> logOffsets(Admin admin, String topic, OffsetSpec spec) {
        try {
            int partitions = admin.describeTopics(List.of(topic)).allTopicNames()
                    .get(ADMIN_TIMEOUT_S, TimeUnit.SECONDS).get(topic).partitions().size();
            Map<TopicPartition, OffsetSpec> request = new HashMap<>();
            for (int p = 0; p < partitions; p++) {
                request.put(new TopicPartition(topic, p), spec);
            }
            Map<Integer, Long> offsets = new HashMap<>();
            admin.listOffsets(request, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all()
                    .get(ADMIN_TIMEOUT_S, TimeUnit.SECONDS)
                    .forEach((partition, info) -> offsets.put(partition.partition(), info.offset()));
            return offsets;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the offsets of " + topic);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the offsets of " + topic, e);
        }
    }

    private static Map<Integer, Long> committedOffsets(Admin admin, String group, String topic) {
        try {
            Map<Integer, Long> offsets = new HashMap<>();
            admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                    .get(ADMIN_TIMEOUT_S, TimeUnit.SECONDS).forEach((partition, committed) -> {
                        if (committed != null && partition.topic().equals(topic)) {
                            offsets.put(partition.partition(), committed.offset());
                        }
                    });
            return offsets;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the offsets of " + group);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the offsets of " + group, e);
        }
    }

    private static long span(Map<Integer, Long> begin, Map<Integer, Long> end) {
        return end.entrySet().stream().mapToLong(e -> Math.max(0, e.getValue() - begin.getOrDefault(e.getKey(), 0L)))
                .sum();
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
    }
}
