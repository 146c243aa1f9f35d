package io.xstore.api.task;

import io.xstore.api.AuditEntry;

/** A user stopped a task that no live worker runs (or that was queued): stopped at once. */
public record TaskAbortedEvent(String taskId, TaskStatus from, String statusReason, String statusMessage,
                               long activeDuration, boolean forced, AuditEntry audit) implements TaskStatusEvent {

    @Override
    public TaskStatus to() {
        return TaskStatus.STOPPED;
    }
}
