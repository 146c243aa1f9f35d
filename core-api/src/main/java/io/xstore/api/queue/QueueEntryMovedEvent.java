package io.xstore.api.queue;

import io.xstore.api.AuditEntry;

/** A task moved inside the queue from position from to position to (0 = next). */
public record QueueEntryMovedEvent(String queueId, String taskId, int from, int to, AuditEntry audit) {
}
