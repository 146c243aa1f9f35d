package io.xstore.command.task;

import io.xstore.api.AuditEntry;

/**
 * Publishing a task also publishes its last output model (tasks.publish {publish_model}, tasks.completed {publish}).
 * The model side provides the implementation; without one, only the task is published.
 */
public interface TaskModelPublisher {

    void publishModel(String modelId, AuditEntry audit);
}
