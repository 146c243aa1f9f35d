package io.xstore.api.task;

import io.xstore.api.AuditEntry;

import java.util.List;

/** The task's user tags changed; {@code tags} is the whole new list. */
public record TaskTagsChangedEvent(String taskId, List<String> tags, AuditEntry audit) {
}
