package io.xstore.api.task;

import io.xstore.api.AuditEntry;

/** System tag archived removed. */
public record TaskUnarchivedEvent(String taskId, String statusReason, String statusMessage, AuditEntry audit) {
}
