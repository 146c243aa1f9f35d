package io.xstore.api.task;

import io.xstore.api.AuditEntry;

/**
 * workers.status_report naming a task: liveness like tasks.ping, not history. Its handler sets the task's
 * {@code last_worker}, {@code last_worker_report} and {@code last_update} in the read model and answers whether the
 * task exists in the caller's company.
 */
public record RecordTaskWorkerReportCommand(String taskId, String worker, AuditEntry audit) {
}
