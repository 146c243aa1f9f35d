package io.xstore.api.task;

import io.xstore.api.AuditEntry;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Asks whether the task is a report of the caller's company (400/150 when it is another type, 400/101 when it is
 * not the caller's); answers the report's project. Nothing is stored.
 */
public record CheckReportCommand(@TargetAggregateIdentifier String taskId, AuditEntry audit) {
}
