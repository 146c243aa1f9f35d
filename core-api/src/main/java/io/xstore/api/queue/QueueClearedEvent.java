package io.xstore.api.queue;

import io.xstore.api.AuditEntry;

import java.util.List;

/** Every entry was removed: taskIds in queue order. */
public record QueueClearedEvent(String queueId, List<String> taskIds, AuditEntry audit) {
}
