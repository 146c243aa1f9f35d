package io.xstore.api.model;

import io.xstore.api.AuditEntry;
import io.xstore.api.metrics.EventTypeActivity;
import io.xstore.api.metrics.MetricSummary;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** As {@link io.xstore.api.task.RecordTaskMetricsCommand}, for events reported for a model. */
public record RecordModelMetricsCommand(@TargetAggregateIdentifier String modelId, Long lastIteration,
                                        List<MetricSummary> metrics, List<EventTypeActivity> activity,
                                        AuditEntry audit) {
}
