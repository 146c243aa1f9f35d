package io.xstore.api.task;

import io.xstore.api.AuditEntry;

/**
 * tasks.enqueue: the task goes to {@code queued} and is appended to queue {@code queueId} in one unit of work (a task
 * event and a queue event with the same call id); a task queued elsewhere leaves its old queue.
 */
public record EnqueueTaskCommand(String taskId, String queueId, String statusReason, String statusMessage,
                                 AuditEntry audit) {
}
