package io.xstore.api.queue;

import io.xstore.api.AuditEntry;

import java.util.List;
import java.util.Map;

/** A queue was created (company = the audit's). */
public record QueueCreatedEvent(String queueId, String name, String displayName, List<String> tags,
                                List<String> systemTags, Map<String, Object> metadata, AuditEntry audit) {
}
