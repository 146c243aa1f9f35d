package io.xstore.projection.metrics;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * How the metric indexer runs.
 *
 * @param bootstrapServers  Kafka brokers
 * @param topic             the metric event log topic (created with {@code partitions} and {@code replicationFactor}
 *                          if missing)
 * @param stateDir          the indexer's own directory: generation number, rebuild boundary, Streams state
 * @param applicationId     base of the Streams application id (the generation is appended: {@code <id>-g<n>})
 * @param flushInterval     how often the stream thread checks for written records whose copies it can drop
 * @param pollInterval      Streams {@code poll.ms}; flushes do not wait for it (they run on their own thread), so it
 *                          only trades idle CPU against how soon copies are dropped and shutdowns are noticed
 * @param maxBufferedDocs   flush (and bulk size) once this many documents are buffered
 * @param maxBufferedBytes  flush once the buffered records reach this size (also the bulk request size)
 * @param maxRecordBytes    the largest event log record (topic {@code max.message.bytes}, producer request size)
 * @param streamsOverrides  extra Streams/client properties, applied last
 */
public record MetricIndexerSettings(String bootstrapServers, String topic, int partitions, short replicationFactor,
                                    Path stateDir, String applicationId, Duration flushInterval,
                                    Duration pollInterval, int maxBufferedDocs, long maxBufferedBytes,
                                    int maxRecordBytes, Duration progressInterval,
                                    Map<String, Object> streamsOverrides) {

    public MetricIndexerSettings {
        streamsOverrides = Map.copyOf(streamsOverrides);
    }

    public static MetricIndexerSettings of(String bootstrapServers, String topic, Path stateDir,
                                           String applicationId) {
        return new MetricIndexerSettings(bootstrapServers, topic, 6, (short) 1, stateDir, applicationId,
                Duration.ofMillis(5), Duration.ofMillis(100), 2_000, 8L << 20, 32 << 20, Duration.ofSeconds(3),
                Map.of());
    }

    public MetricIndexerSettings withTopicLayout(int partitions, short replicationFactor) {
        return new MetricIndexerSettings(bootstrapServers, topic, partitions, replicationFactor, stateDir,
                applicationId, flushInterval, pollInterval, maxBufferedDocs, maxBufferedBytes, maxRecordBytes,
                progressInterval, streamsOverrides);
    }

    public MetricIndexerSettings withMaxRecordBytes(int maxRecordBytes) {
        return new MetricIndexerSettings(bootstrapServers, topic, partitions, replicationFactor, stateDir,
                applicationId, flushInterval, pollInterval, maxBufferedDocs, maxBufferedBytes, maxRecordBytes,
                progressInterval, streamsOverrides);
    }

    public MetricIndexerSettings withStreamsOverrides(Map<String, Object> overrides) {
        return new MetricIndexerSettings(bootstrapServers, topic, partitions, replicationFactor, stateDir,
                applicationId, flushInterval, pollInterval, maxBufferedDocs, maxBufferedBytes, maxRecordBytes,
                progressInterval, overrides);
    }
}
