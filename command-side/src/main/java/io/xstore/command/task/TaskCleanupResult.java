package io.xstore.command.task;

import io.xstore.api.task.TaskResetEvent;

import java.util.List;

/**
 * What a task delete or reset did besides the task itself (docs/api/behaviour-rules.md §4): the real counts of
 * children re-parented, models updated and models deleted, the URIs of the deleted models, of the task's output
 * artifacts and of its debug images (a delete only); {@code reset} is the reset event (null for a delete).
 */
public record TaskCleanupResult(TaskResetEvent reset, int updatedChildren, int updatedModels, int deletedModels,
                                List<String> modelUrls, List<String> artifactUrls, List<String> eventUrls) {
}
