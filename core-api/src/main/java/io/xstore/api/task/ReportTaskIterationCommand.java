package io.xstore.api.task;

import io.xstore.api.AuditEntry;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * An iteration was reached outside the task's own events (e.g. {@code models.edit} with {@code iteration}): raises
 * last_iteration to at least {@code iteration}, in any status.
 */
public record ReportTaskIterationCommand(@TargetAggregateIdentifier String taskId, int iteration, AuditEntry audit) {
}
