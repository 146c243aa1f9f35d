package io.xstore.api.task;

import io.xstore.api.AuditEntry;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** tasks.create: a new task with the given content (name and type validated by the endpoint). */
public record CreateTaskCommand(@TargetAggregateIdentifier String taskId, TaskContent content, AuditEntry audit) {
}
