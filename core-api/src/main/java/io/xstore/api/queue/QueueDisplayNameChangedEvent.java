package io.xstore.api.queue;

import io.xstore.api.AuditEntry;

/** The queue's display name is now displayName. */
public record QueueDisplayNameChangedEvent(String queueId, String displayName, AuditEntry audit) {
}
