package io.xstore.command.project;

import io.xstore.api.AuditEntry;

import java.util.List;

/**
 * What project merge and delete need done to tasks, which belong to the task aggregate. Wired by the server (e.g.
 * with the task commands); when no bean exists, tasks are left alone.
 */
public interface ProjectTaskOperations {

    /** Moves the tasks into {@code projectId} ({@code null}: out of any project); returns how many moved. */
    int moveTasks(List<String> taskIds, String projectId, AuditEntry audit);

    /** Deletes the tasks as {@code tasks.delete} with force would, returning the urls of what they stored. */
    DeletedTasks deleteTasks(List<String> taskIds, boolean deleteExternalArtifacts, AuditEntry audit);

    record DeletedTasks(int deleted, List<String> modelUrls, List<String> eventUrls, List<String> artifactUrls) {

        public static final DeletedTasks NONE = new DeletedTasks(0, List.of(), List.of(), List.of());
    }

    ProjectTaskOperations NONE = new ProjectTaskOperations() {
        @Override
        public int moveTasks(List<String> taskIds, String projectId, AuditEntry audit) {
            return 0;
        }

        @Override
        public DeletedTasks deleteTasks(List<String> taskIds, boolean deleteExternalArtifacts, AuditEntry audit) {
            return DeletedTasks.NONE;
        }
    };
}
