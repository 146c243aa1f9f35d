package io.xstore.api.task;

import io.xstore.api.AuditEntry;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * queues.get_next_task popped the task's entry for {@code worker}: a task that was stopped meanwhile is set back to
 * {@code queued} so the worker can start it (docs/api/queues.md); any other status is left as it is.
 */
public record HandOutTaskCommand(@TargetAggregateIdentifier String taskId, String queueId, String worker,
                                 AuditEntry audit) {
}
