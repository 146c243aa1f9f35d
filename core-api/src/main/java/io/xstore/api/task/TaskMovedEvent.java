package io.xstore.api.task;

import io.xstore.api.AuditEntry;

/** The task moved to another project ({@code project} empty: no project). */
public record TaskMovedEvent(String taskId, String project, AuditEntry audit) {
}
