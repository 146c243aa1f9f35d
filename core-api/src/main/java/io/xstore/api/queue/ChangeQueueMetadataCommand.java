package io.xstore.api.queue;

import io.xstore.api.AuditEntry;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;
import java.util.Map;

/**
 * queues.add_or_update_metadata (items key → {key, type, value}, replace: the items become the whole metadata) and
 * queues.delete_metadata (removedKeys).
 */
public record ChangeQueueMetadataCommand(@TargetAggregateIdentifier String queueId, Map<String, Object> items,
                                         List<String> removedKeys, boolean replace, AuditEntry audit) {
}
