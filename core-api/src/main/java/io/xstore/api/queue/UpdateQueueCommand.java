package io.xstore.api.queue;

import io.xstore.api.AuditEntry;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;
import java.util.Map;

/** queues.update: each non-null field replaces the queue's. */
public record UpdateQueueCommand(@TargetAggregateIdentifier String queueId, String name, String displayName,
                                 List<String> tags, List<String> systemTags, Map<String, Object> metadata,
                                 AuditEntry audit) {
}
