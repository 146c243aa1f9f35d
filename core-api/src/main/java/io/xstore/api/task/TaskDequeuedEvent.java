package io.xstore.api.task;

import io.xstore.api.AuditEntry;

/**
 * The queued task was taken out of queue {@code queueId} before a worker ran it and went back to {@code to} (the
 * status it had when enqueued, or the one asked for) (tasks.dequeue, queues.delete / clear_queue).
 */
public record TaskDequeuedEvent(String taskId, TaskStatus from, TaskStatus to, String queueId, String statusReason,
                                String statusMessage, boolean forced, AuditEntry audit) implements TaskStatusEvent {
}
