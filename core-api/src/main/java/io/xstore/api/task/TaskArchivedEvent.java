package io.xstore.api.task;

import io.xstore.api.AuditEntry;

/** System tag archived added. */
public record TaskArchivedEvent(String taskId, String statusReason, String statusMessage, AuditEntry audit) {
}
