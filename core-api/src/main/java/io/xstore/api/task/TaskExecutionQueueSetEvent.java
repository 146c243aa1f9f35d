package io.xstore.api.task;

import io.xstore.api.AuditEntry;

/** The task's {@code execution.queue} is now {@code queueId} (queues.add_task), its status unchanged. */
public record TaskExecutionQueueSetEvent(String taskId, String queueId, AuditEntry audit) {
}
