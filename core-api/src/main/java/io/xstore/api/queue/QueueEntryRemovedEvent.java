package io.xstore.api.queue;

import io.xstore.api.AuditEntry;

/** A task was taken out of the queue without being handed to a worker. */
public record QueueEntryRemovedEvent(String queueId, String taskId, AuditEntry audit) {
}
