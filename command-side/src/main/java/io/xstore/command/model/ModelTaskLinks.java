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

    /** What {@code models.update_for_task} takes from the task; null when the company has no such task. */
    SourceTask sourceTask(String taskId, String company);

    /** {@code models.edit} with {@code iteration}: raises the task's {@code last_iteration}. */
    void reportIteration(String taskId, int iteration, AuditEntry audit);

    /** {@code models.update_for_task}: the task's output model is now this model. */
    void attachOutputModel(String taskId, String modelId, String modelName, AuditEntry audit);

    /**
     * A task as a model's source: {@code design} is its legacy model description ({@code {name: value}}),
     * {@code labels} its {@code execution.model_labels}.
     */
    record SourceTask(String id, String name, String status, String project, String framework,
                      Map<String, Object> design, Map<String, Object> labels, String firstInputModel,
                      String lastOutputModel) {
    }

    ModelTaskLinks NONE = new ModelTaskLinks() {
        @Override
        public boolean taskExists(String taskId, String company) {
            return true;
        }

        @Override
        public SourceTask sourceTask(String taskId, String company) {
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
