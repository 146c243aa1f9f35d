package io.xstore.api.task;

import io.xstore.api.AuditEntry;

/** The public task belongs to {@code company} again (the company that made it public). */
public record TaskMadePrivateEvent(String taskId, String company, AuditEntry audit) {
}
