package io.xstore.api.task;

import io.xstore.api.AuditEntry;

/**
 * Some fields of a task changed; only non-null fields of {@code changes} changed (semantics of {@link
 * TaskContent}).
 */
public record TaskEditedEvent(String taskId, TaskContent changes, AuditEntry audit) {
}
