package io.xstore.api.task;

import io.xstore.api.AuditEntry;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** tasks.completed: to completed (sets completed), then optionally published. */
public record MarkTaskCompletedCommand(@TargetAggregateIdentifier String taskId, boolean force, String statusReason,
                                       String statusMessage, boolean publish, AuditEntry audit) {
}
