package io.xstore.api.task;

import io.xstore.api.AuditEntry;

/** The run completed: {@code completed} is set. */
public record TaskCompletedEvent(String taskId, TaskStatus from, String statusReason, String statusMessage,
                                 long activeDuration, boolean forced, AuditEntry audit) implements TaskStatusEvent {

    @Override
    public TaskStatus to() {
        return TaskStatus.COMPLETED;
    }

    @Override
    public boolean setsCompleted() {
        return true;
    }
}
