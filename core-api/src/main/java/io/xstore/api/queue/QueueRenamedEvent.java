package io.xstore.api.queue;

import io.xstore.api.AuditEntry;

/** The queue's name is now name. */
public record QueueRenamedEvent(String queueId, String name, AuditEntry audit) {
}
