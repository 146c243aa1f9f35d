package io.xstore.api.task;

import io.xstore.api.AuditEntry;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** tasks.started: to in_progress; sets started on the first start. */
public record MarkTaskStartedCommand(@TargetAggregateIdentifier String taskId, boolean force, String statusReason,
                                     String statusMessage, AuditEntry audit) {
}
