package io.xstore.command.model;

import io.xstore.command.task.StatusOutcome;

/** A published model: its task (or null) and that task's publish, when the task was published first (or null). */
public record ModelPublication(String taskId, StatusOutcome taskPublished) {
}
