package io.xstore.api.queue;

import io.xstore.api.AuditEntry;

import java.util.List;

/** Takes a task that stopped waiting (stopped, reset, archived, deleted) out of these queues, where present. */
public record RemoveTaskFromQueuesCommand(String taskId, List<String> queueIds, AuditEntry audit) {
}
