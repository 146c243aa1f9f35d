package io.xstore.api.task;

import io.xstore.api.AuditEntry;

/** The task was published: {@code published} is set. */
public record TaskPublishedEvent(String taskId, TaskStatus from, String statusReason, String statusMessage,
                                 long activeDuration, boolean forced, AuditEntry audit) implements TaskStatusEvent {

    @Override
    public TaskStatus to() {
        return TaskStatus.PUBLISHED;
    }

    @Override
    public boolean setsPublished() {
        return true;
    }
}
