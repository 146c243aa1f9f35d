package io.xstore.api.task;

import io.xstore.api.AuditEntry;

/**
 * A task was created (by tasks.create, or by tasks.clone when {@code clonedFrom} is set); owner and company are in
 * the audit entry.
 */
public record TaskCreatedEvent(String taskId, TaskContent content, String clonedFrom, AuditEntry audit) {
}
