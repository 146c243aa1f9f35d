package io.xstore.api.queue;

import io.xstore.api.AuditEntry;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Appends a task to the end of the queue (queues.add_task); already there is 400/706. */
public record AddQueueEntryCommand(@TargetAggregateIdentifier String queueId, String taskId, AuditEntry audit) {
}
