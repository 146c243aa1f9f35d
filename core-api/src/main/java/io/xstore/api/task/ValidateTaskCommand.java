package io.xstore.api.task;

import io.xstore.api.AuditEntry;

/** tasks.validate: the checks of tasks.create on {@code content}, without creating anything. */
public record ValidateTaskCommand(TaskContent content, AuditEntry audit) {
}
