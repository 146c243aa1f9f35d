package io.xstore.api.task;

import io.xstore.api.AuditEntry;

/** The task was closed. */
public record TaskClosedEvent(String taskId, TaskStatus from, String statusReason, String statusMessage,
                              long activeDuration, boolean forced, AuditEntry audit) implements TaskStatusEvent {

    @Override
    public TaskStatus to() {
        return TaskStatus.CLOSED;
    }
}
