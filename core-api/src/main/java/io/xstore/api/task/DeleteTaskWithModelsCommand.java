package io.xstore.api.task;

import io.xstore.api.AuditEntry;

/**
 * tasks.delete / delete_many with their cascade (docs/api/behaviour-rules.md §4): the task's models are cleaned up
 * ({@code deleteOutputModels}) and its children re-parented to {@code __DELETED__<id>}, then the task is deleted as
 * {@link DeleteTaskCommand} would. Without {@code force} a published child or a ready model refuses it (400/123).
 */
public record DeleteTaskWithModelsCommand(String taskId, boolean force, boolean deleteExternalArtifacts,
                                          boolean deleteOutputModels, AuditEntry audit) {
}
