package io.xstore.api.queue;

import io.xstore.api.AuditEntry;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** queues.clear_queue: removes every entry; answers the task ids removed. */
public record ClearQueueCommand(@TargetAggregateIdentifier String queueId, AuditEntry audit) {
}
