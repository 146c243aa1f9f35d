package io.xstore.api.task;

import io.xstore.api.AuditEntry;

/** The run stopped (reported by its runner, or the task archived while running): {@code completed} is set. */
public record TaskStoppedEvent(String taskId, TaskStatus from, String statusReason, String statusMessage,
                               long activeDuration, boolean forced, AuditEntry audit) implements TaskStatusEvent {

    @Override
    public TaskStatus to() {
        return TaskStatus.STOPPED;
    }

    @Override
    public boolean setsCompleted() {
        return true;
    }
}
