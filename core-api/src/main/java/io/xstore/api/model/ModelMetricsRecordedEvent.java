package io.xstore.api.model;

import io.xstore.api.AuditEntry;
import io.xstore.api.metrics.EventTypeActivity;
import io.xstore.api.metrics.MetricSummary;

import java.util.List;

/** Metric progress reported for a model (model events): its last_metrics and highest iteration. */
public record ModelMetricsRecordedEvent(String modelId, Long lastIteration, List<MetricSummary> metrics,
                                        List<EventTypeActivity> activity, AuditEntry audit) {
}
