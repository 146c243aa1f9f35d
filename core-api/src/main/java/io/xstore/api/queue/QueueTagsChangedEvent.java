package io.xstore.api.queue;

import io.xstore.api.AuditEntry;

import java.util.List;

/** The queue's tags are now tags. */
public record QueueTagsChangedEvent(String queueId, List<String> tags, AuditEntry audit) {
}
