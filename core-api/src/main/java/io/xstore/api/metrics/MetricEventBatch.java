package io.xstore.api.metrics;

import io.xstore.api.AuditEntry;

import java.util.List;
import java.util.Map;

/**
 * The validated events of one {@code events.add_batch} call for one task (or model): one entry of the metric event
 * log. Each event's fields are as the validator left them (type, task, timestamp, metric, variant, model_event,
 * worker, @timestamp and the type's own fields).
 */
public record MetricEventBatch(String target, boolean model, String company, List<Map<String, Object>> events,
                               AuditEntry audit) {
}
