package io.xstore.api.queue;

import io.xstore.api.AuditEntry;

import java.util.List;

/** The queue's system tags are now systemTags. */
public record QueueSystemTagsChangedEvent(String queueId, List<String> systemTags, AuditEntry audit) {
}
