package io.xstore.api.task;

import io.xstore.api.AuditEntry;

/** last_iteration is now at least {@code iteration} (it never goes down, except by a reset). */
public record TaskIterationReportedEvent(String taskId, int iteration, AuditEntry audit) {
}
