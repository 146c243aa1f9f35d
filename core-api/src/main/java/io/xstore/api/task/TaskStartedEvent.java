package io.xstore.api.task;

import io.xstore.api.AuditEntry;

/** A run of the task started (the first start since creation or reset): {@code started} is set. */
public record TaskStartedEvent(String taskId, TaskStatus from, String statusReason, String statusMessage, boolean forced,
                               AuditEntry audit) implements TaskStatusEvent {

    @Override
    public TaskStatus to() {
        return TaskStatus.IN_PROGRESS;
    }

    @Override
    public boolean startsRun() {
        return true;
    }
}
