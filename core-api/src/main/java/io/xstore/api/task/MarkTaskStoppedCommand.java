package io.xstore.api.task;

import io.xstore.api.AuditEntry;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** tasks.stopped: to stopped; sets completed. */
public record MarkTaskStoppedCommand(@TargetAggregateIdentifier String taskId, boolean force, String statusReason,
                                     String statusMessage, AuditEntry audit) {
}
