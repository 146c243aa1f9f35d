package io.xstore.api.metrics;

import io.xstore.api.AuditEntry;

import java.util.List;

/**
 * What indexing learned about one task (or model, {@code model} true) from the batches it just indexed: the highest
 * iteration (null if only {@code :monitor:*} metrics or log events came), the series whose summary changed, and
 * which metric received which event type. {@code audit} is that of the latest batch.
 */
public record TargetMetrics(String target, boolean model, String company, Long lastIteration,
                            List<MetricSummary> metrics, List<EventTypeActivity> activity, AuditEntry audit) {
}
