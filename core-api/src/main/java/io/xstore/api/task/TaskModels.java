package io.xstore.api.task;

import java.util.List;

/**
 * The {@code models} section of a task. In an edit a null list means "not provided" (kept as stored).
 */
public record TaskModels(List<TaskModelEntry> input, List<TaskModelEntry> output) {

    public static TaskModels empty() {
        return new TaskModels(List.of(), List.of());
    }
}
