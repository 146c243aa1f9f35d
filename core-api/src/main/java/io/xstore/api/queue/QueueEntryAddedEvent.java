package io.xstore.api.queue;

import io.xstore.api.AuditEntry;

import java.time.Instant;

/** A task was appended to the queue at added. */
public record QueueEntryAddedEvent(String queueId, String taskId, Instant added, AuditEntry audit) {
}
