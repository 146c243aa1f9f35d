package io.xstore.api.metrics;

/** Where an entry of the metric event log (Kafka) was written. */
public record LogPosition(int partition, long offset) {
}
