package io.xstore.api.queue;

import io.xstore.api.AuditEntry;

import java.time.Instant;

/** The first entry (task, added) was handed to worker (queues.get_next_task). */
public record QueueEntryPoppedEvent(String queueId, String taskId, Instant added, String worker, AuditEntry audit) {
}
