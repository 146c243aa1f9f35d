package io.xstore.api.task;

import io.xstore.api.AuditEntry;

/** The task's comment (description) changed. */
public record TaskCommentChangedEvent(String taskId, String comment, AuditEntry audit) {
}
