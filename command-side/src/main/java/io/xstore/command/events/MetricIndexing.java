package io.xstore.command.events;

import io.xstore.api.metrics.LogPosition;

import java.util.Collection;

/** The indexer's progress through the event log, implemented by the server over the Kafka Streams indexer. */
public interface MetricIndexing {

    /**
     * Blocks until every entry written at {@code positions} is indexed and its summary recorded; returns how many
     * stored events the deletions among them removed.
     */
    long awaitIndexed(Collection<LogPosition> positions);
}
