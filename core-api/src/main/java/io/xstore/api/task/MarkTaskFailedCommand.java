package io.xstore.api.task;

import io.xstore.api.AuditEntry;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** tasks.failed: to failed. */
public record MarkTaskFailedCommand(@TargetAggregateIdentifier String taskId, boolean force, String statusReason,
                                    String statusMessage, AuditEntry audit) {
}
