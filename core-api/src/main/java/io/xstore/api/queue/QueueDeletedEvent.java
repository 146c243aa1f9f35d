package io.xstore.api.queue;

import io.xstore.api.AuditEntry;

import java.util.List;

/** The queue was deleted; taskIds were still in it. */
public record QueueDeletedEvent(String queueId, List<String> taskIds, AuditEntry audit) {
}
