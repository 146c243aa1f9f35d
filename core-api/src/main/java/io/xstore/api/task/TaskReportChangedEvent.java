package io.xstore.api.task;

import io.xstore.api.AuditEntry;

/** The markdown content of a report (a task of type {@code report}) changed. */
public record TaskReportChangedEvent(String taskId, String report, AuditEntry audit) {
}
