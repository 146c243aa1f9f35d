package io.xstore.api.queue;

import io.xstore.api.AuditEntry;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** queues.get_next_task: takes the first entry for a worker; answers it, or null when the queue is empty. */
public record PopQueueEntryCommand(@TargetAggregateIdentifier String queueId, String worker, AuditEntry audit) {
}
