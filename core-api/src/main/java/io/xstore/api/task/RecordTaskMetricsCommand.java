package io.xstore.api.task;

import io.xstore.api.AuditEntry;
import io.xstore.api.metrics.EventTypeActivity;
import io.xstore.api.metrics.MetricSummary;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * Indexing of the task's metric events changed its summary: the series in {@code metrics} have new values,
 * {@code lastIteration} (null = none) is the highest iteration reported. Sent by the metric indexer, not by a client.
 */
public record RecordTaskMetricsCommand(@TargetAggregateIdentifier String taskId, Long lastIteration,
                                       List<MetricSummary> metrics, List<EventTypeActivity> activity,
                                       AuditEntry audit) {
}
