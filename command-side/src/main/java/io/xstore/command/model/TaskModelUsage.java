package io.xstore.command.model;

import java.util.List;

/**
 * Which tasks and models refer to each other, from the read models (caught up with every acknowledged write): what
 * {@link TaskModelCleanup} has to update besides the aggregate it was asked about. Wired by the server.
 */
public interface TaskModelUsage {

    /** Models of the company whose {@code task} is {@code taskId}. */
    List<String> modelsOfTask(String taskId, String company);

    /** Tasks of the company whose {@code parent} is {@code taskId}. */
    List<String> childrenOf(String taskId, String company);

    /** Tasks of the company with an entry of {@code models.input} naming {@code modelId}. */
    List<String> tasksWithInputModel(String modelId, String company);

    TaskModelUsage NONE = new TaskModelUsage() {
        @Override
        public List<String> modelsOfTask(String taskId, String company) {
            return List.of();
        }

        @Override
        public List<String> childrenOf(String taskId, String company) {
            return List.of();
        }

        @Override
        public List<String> tasksWithInputModel(String modelId, String company) {
            return List.of();
        }
    };
}
