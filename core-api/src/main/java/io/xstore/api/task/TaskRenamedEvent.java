package io.xstore.api.task;

import io.xstore.api.AuditEntry;

/** The task's name changed. */
public record TaskRenamedEvent(String taskId, String name, AuditEntry audit) {
}
