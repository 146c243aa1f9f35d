package io.xstore.command.model;

import io.xstore.api.AuditEntry;

import java.util.Map;

/**
 * What the model endpoints need from tasks, which belong to the task aggregate. Wired by the server; without a bean
 * every task counts as existing and nothing is done to tasks.
 */
public interface ModelTaskLinks {

    /** Whether the company has this task (a model may name it as its creating task). */
    boolean taskExists(String taskId, String company);

    /**
     * {@code models.set_ready} with {@code publish_task}: publishes the model's task when it is stopped or completed
     * (any status with {@code force}); returns the {@code {updated, fields}} of that publish, or null when the task was
     * not published.
     */
    Map<String, Object> publishTask(String taskId, boolean force, AuditEntry audit);

    /** {@code models.edit} with {@code iteration}: raises the task's {@code last_iteration}. */
    void reportIteration(String taskId, int iteration, AuditEntry audit);

    /** {@code models.update_for_task}: the task's output model is now this model. */
    void attachOutputModel(String taskId, String modelId, String modelName, AuditEntry audit);

    ModelTaskLinks NONE = new ModelTaskLinks() {
        @Override
        public boolean taskExists(String taskId, String company) {
            return true;
        }

        @Override
        public Map<String, Object> publishTask(String taskId, boolean force, AuditEntry audit) {
            return null;
        }

        @Override
        public void reportIteration(String taskId, int iteration, AuditEntry audit) {
        }

        @Override
        public void attachOutputModel(String taskId, String modelId, String modelName, AuditEntry audit) {
        }
    };
}
