package io.xstore.api.queue;

import io.xstore.api.AuditEntry;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** queues.delete: a queue with entries needs force; answers the task ids that were still in it. */
public record DeleteQueueCommand(@TargetAggregateIdentifier String queueId, boolean force, AuditEntry audit) {
}
