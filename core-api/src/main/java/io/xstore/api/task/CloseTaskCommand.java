package io.xstore.api.task;

import io.xstore.api.AuditEntry;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** tasks.close: to closed (legacy). */
public record CloseTaskCommand(@TargetAggregateIdentifier String taskId, boolean force, String statusReason,
                               String statusMessage, AuditEntry audit) {
}
