package io.xstore.api.task;

import io.xstore.api.AuditEntry;

/**
 * The task was put in queue {@code queueId} to be run by a worker: it is {@code queued} and remembers {@code from}
 * as its {@code enqueue_status} (tasks.enqueue, docs/api/queues.md).
 */
public record TaskEnqueuedEvent(String taskId, TaskStatus from, String queueId, String statusReason,
                                String statusMessage, boolean forced, AuditEntry audit) implements TaskStatusEvent {

    @Override
    public TaskStatus to() {
        return TaskStatus.QUEUED;
    }
}
