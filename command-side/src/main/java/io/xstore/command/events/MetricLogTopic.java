package io.xstore.command.events;

/**
 * The metric event log's topic. The indexer creates it at start, kept forever (the indices are rebuilt by replaying
 * it) and accepting records as large as one add_batch call may be.
 */
public record MetricLogTopic(String bootstrapServers, String name, int partitions, short replicationFactor) {

    public static final int MAX_RECORD_BYTES = 32 * 1024 * 1024;
}
