package io.xstore.projection.metrics;

import io.xstore.api.metrics.TargetMetrics;

/**
 * Receives, after the events were indexed, what changed in a task's (or model's) metric summary. Called on the
 * indexer's stream thread, one target at a time; a failure is logged and does not stop indexing.
 */
@FunctionalInterface
public interface SummarySink {

    void publish(TargetMetrics metrics);
}
