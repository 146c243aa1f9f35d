package io.xstore.api.task;

import io.xstore.api.AuditEntry;

/**
 * tasks.ping: liveness only, deliberately not event-sourced. Its handler updates the read model's
 * {@code last_update} / {@code active_duration} directly and answers whether the task exists in the caller's company.
 */
public record RecordTaskPingCommand(String taskId, AuditEntry audit) {
}
