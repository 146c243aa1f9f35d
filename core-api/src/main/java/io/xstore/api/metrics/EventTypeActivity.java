package io.xstore.api.metrics;

/** The last time (epoch ms of the event) a metric received an event of a type; feeds {@code metric_stats}. */
public record EventTypeActivity(String metric, String metricHash, String eventType, long lastUpdate) {
}
