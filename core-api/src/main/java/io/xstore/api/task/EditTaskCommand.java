package io.xstore.api.task;

import io.xstore.api.AuditEntry;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * tasks.edit: replaces each provided field (see {@link TaskContent}); status optional; without force only created
 * tasks.
 */
public record EditTaskCommand(@TargetAggregateIdentifier String taskId, TaskContent changes, TaskStatus status,
                              boolean force, AuditEntry audit) {
}
