package io.xstore.api.task;

import io.xstore.api.AuditEntry;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** tasks.unarchive_many: removes the system tag archived. */
public record UnarchiveTaskCommand(@TargetAggregateIdentifier String taskId, String statusReason, String statusMessage,
                                   AuditEntry audit) {
}
