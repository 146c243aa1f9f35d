package io.xstore.api.task;

import io.xstore.api.AuditEntry;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** tasks.publish: to published (sets published). */
public record PublishTaskCommand(@TargetAggregateIdentifier String taskId, boolean force, String statusReason,
                                 String statusMessage, AuditEntry audit) {
}
