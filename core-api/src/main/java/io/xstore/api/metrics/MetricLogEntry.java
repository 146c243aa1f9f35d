package io.xstore.api.metrics;

/** One record of the metric event log: exactly one of the two is set. */
public record MetricLogEntry(MetricEventBatch batch, MetricEventsDeletion deletion) {

    public static MetricLogEntry of(MetricEventBatch batch) {
        return new MetricLogEntry(batch, null);
    }

    public static MetricLogEntry of(MetricEventsDeletion deletion) {
        return new MetricLogEntry(null, deletion);
    }
}
