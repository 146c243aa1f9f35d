package io.xstore.api.queue;

import io.xstore.api.AuditEntry;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Moves a task within the queue: by count places (negative = towards the front), or to the front/back; answers its
 * new position.
 */
public record MoveQueueEntryCommand(@TargetAggregateIdentifier String queueId, String taskId, QueueMove move, int count,
                                    AuditEntry audit) {
}
