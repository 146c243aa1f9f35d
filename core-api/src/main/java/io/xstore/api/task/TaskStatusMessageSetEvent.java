package io.xstore.api.task;

import io.xstore.api.AuditEntry;

/** Only the status message changed (tasks.update). */
public record TaskStatusMessageSetEvent(String taskId, String statusMessage, AuditEntry audit) {
}
