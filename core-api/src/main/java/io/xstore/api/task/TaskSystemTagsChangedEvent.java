package io.xstore.api.task;

import io.xstore.api.AuditEntry;

import java.util.List;

/** The task's system tags changed; {@code systemTags} is the whole new list. */
public record TaskSystemTagsChangedEvent(String taskId, List<String> systemTags, AuditEntry audit) {
}
