package io.xstore.api.queue;

import io.xstore.api.AuditEntry;

/**
 * queues.add_task: appends the task to the queue without changing its status; with {@code updateExecutionQueue} the
 * task's {@code execution.queue} is set to the queue too (docs/api/queues.md).
 */
public record AddTaskToQueueCommand(String queueId, String taskId, boolean updateExecutionQueue, AuditEntry audit) {
}
