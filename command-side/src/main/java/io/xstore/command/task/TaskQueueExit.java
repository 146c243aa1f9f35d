package io.xstore.command.task;

import io.xstore.api.AuditEntry;

/**
 * Takes a task out of every queue that holds it, after tasks.stop / reset / archive / delete took it out of
 * {@code queued} (docs/api/queues.md). The queue side provides it; without one nothing is done.
 */
public interface TaskQueueExit {

    void leaveQueues(String taskId, AuditEntry audit);
}
