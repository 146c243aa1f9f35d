package io.xstore.api.task;

import io.xstore.api.AuditEntry;
import io.xstore.api.metrics.EventTypeActivity;
import io.xstore.api.metrics.MetricSummary;

import java.util.List;

/** Metric progress of a running task: the changed series' summaries (last_metrics) and the highest iteration. */
public record TaskMetricsRecordedEvent(String taskId, Long lastIteration, List<MetricSummary> metrics,
                                       List<EventTypeActivity> activity, AuditEntry audit) {
}
