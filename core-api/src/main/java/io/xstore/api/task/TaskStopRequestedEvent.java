package io.xstore.api.task;

import io.xstore.api.AuditEntry;

/**
 * A user asked a task that a live worker runs to stop: the status stays, {@code statusMessage} is "stopping", and
 * the worker (or the SDK) stops the task itself.
 */
public record TaskStopRequestedEvent(String taskId, TaskStatus from, String statusReason, String statusMessage,
                                     boolean forced, AuditEntry audit) implements TaskStatusEvent {

    @Override
    public TaskStatus to() {
        return from;
    }
}
