package io.xstore.api.task;

import io.xstore.api.AuditEntry;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** tasks.stop: an abort request; stops at once unless a live worker runs the task (then status_message stopping). */
public record StopTaskCommand(@TargetAggregateIdentifier String taskId, boolean force, String statusReason,
                              String statusMessage, boolean workerAlive, AuditEntry audit) {
}
