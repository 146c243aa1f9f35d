package io.xstore.api.queue;

import io.xstore.api.AuditEntry;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Takes a task out of the queue (queues.remove_task); not there is 400/703 unless ifPresent. */
public record RemoveQueueEntryCommand(@TargetAggregateIdentifier String queueId, String taskId, boolean ifPresent,
                                      AuditEntry audit) {
}
