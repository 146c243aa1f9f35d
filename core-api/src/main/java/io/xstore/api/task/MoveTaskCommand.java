package io.xstore.api.task;

import io.xstore.api.AuditEntry;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** tasks.move: to another project (null = root). */
public record MoveTaskCommand(@TargetAggregateIdentifier String taskId, String project, AuditEntry audit) {
}
