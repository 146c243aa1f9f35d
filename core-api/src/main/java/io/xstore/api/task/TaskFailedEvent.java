package io.xstore.api.task;

import io.xstore.api.AuditEntry;

/** The run failed. */
public record TaskFailedEvent(String taskId, TaskStatus from, String statusReason, String statusMessage,
                              long activeDuration, boolean forced, AuditEntry audit) implements TaskStatusEvent {

    @Override
    public TaskStatus to() {
        return TaskStatus.FAILED;
    }
}
