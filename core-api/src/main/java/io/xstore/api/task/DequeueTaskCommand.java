package io.xstore.api.task;

import io.xstore.api.AuditEntry;

/**
 * tasks.dequeue: the task leaves its queue and, when queued, goes back to {@code newStatus} if given, else to the
 * status it had when enqueued. Answers the {@link TaskDequeuedEvent}, or null when the task was not queued.
 */
public record DequeueTaskCommand(String taskId, TaskStatus newStatus, String statusReason, String statusMessage,
                                 AuditEntry audit) {
}
