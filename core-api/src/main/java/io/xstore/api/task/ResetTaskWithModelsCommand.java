package io.xstore.api.task;

import io.xstore.api.AuditEntry;

/**
 * tasks.reset / reset_many with their model cleanup (docs/api/behaviour-rules.md §4): as the delete cascade but
 * children untouched and published models left without a task; then the task is reset as {@link ResetTaskCommand}
 * would.
 */
public record ResetTaskWithModelsCommand(String taskId, boolean force, boolean clearAll, boolean deleteOutputModels,
                                         AuditEntry audit) {
}
