package io.xstore.api.task;

import io.xstore.api.AuditEntry;

/** The task was deleted (in status {@code status}); children keep a {@code __DELETED__<id>} parent. */
public record TaskDeletedEvent(String taskId, TaskStatus status, AuditEntry audit) {
}
