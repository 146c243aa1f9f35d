package io.xstore.command.task;

import io.xstore.api.task.ArtifactKey;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Artifacts are identified by (key, mode), the mode defaulting to {@code output}. */
final class TaskArtifacts {

    static final String DEFAULT_MODE = "output";

    private TaskArtifacts() {
    }

    static ArtifactKey keyOf(Map<String, Object> artifact) {
        Object mode = artifact.get("mode");
        return new ArtifactKey(String.valueOf(artifact.get("key")), mode == null ? DEFAULT_MODE : mode.toString());
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> asMaps(List<?> items) {
        List<Map<String, Object>> maps = new ArrayList<>();
        for (Object item : items) {
            if (item instanceof Map<?, ?> map) {
                maps.add((Map<String, Object>) map);
            }
        }
        return maps;
    }
}
