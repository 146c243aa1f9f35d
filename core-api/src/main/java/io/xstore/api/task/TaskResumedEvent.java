package io.xstore.api.task;

import io.xstore.api.AuditEntry;

/** The task was marked running again within the same run: its {@code started} time is kept. */
public record TaskResumedEvent(String taskId, TaskStatus from, String statusReason, String statusMessage, boolean forced,
                               AuditEntry audit) implements TaskStatusEvent {

    @Override
    public TaskStatus to() {
        return TaskStatus.IN_PROGRESS;
    }
}
