package io.xstore.command.task;

import io.xstore.api.task.TaskContent;
import io.xstore.api.task.TaskModelEntry;
import io.xstore.api.task.TaskModels;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Computes which parts of a requested edit really change the current content, in {@link TaskContent}'s edit
 * semantics: replaced fields when different, merged objects ({@code script}, {@code execution}, {@code output})
 * reduced to the sub-keys whose value differs, model lists when different.
 */
final class TaskEditDiff {

    private TaskEditDiff() {
    }

    static TaskContent changes(TaskContent current, List<Map<String, Object>> currentArtifacts, TaskContent wanted) {
        Map<String, Object> script = merged(current.script(), wanted.script());
        if (wanted.script() != null && current.script() == null) {
            script = script == null ? new LinkedHashMap<>() : script;
            if (!wanted.script().containsKey("binary")) {
                script.put("binary", "python");
            }
        }
        Map<String, Object> execution = executionChanges(current.execution(), currentArtifacts, wanted.execution());
        return new TaskContent(
                replaced(current.name(), wanted.name()),
                replaced(current.type(), wanted.type()),
                replaced(current.comment(), wanted.comment()),
                replaced(current.project(), wanted.project()),
                replaced(current.parent(), wanted.parent()),
                replaced(current.tags(), wanted.tags()),
                replaced(current.systemTags(), wanted.systemTags()),
                script,
                execution,
                replaced(current.hyperparams(), wanted.hyperparams()),
                replaced(current.configuration(), wanted.configuration()),
                modelChanges(current.models(), wanted.models()),
                replaced(current.container(), wanted.container()),
                replaced(current.runtime(), wanted.runtime()),
                merged(current.output(), wanted.output()));
    }

    private static <T> T replaced(T current, T wanted) {
        return wanted == null || Objects.equals(normalizeEmpty(current), normalizeEmpty(wanted)) ? null : wanted;
    }

    private static Object normalizeEmpty(Object value) {
        return "".equals(value) ? null : value;
    }

    private static Map<String, Object> merged(Map<String, Object> current, Map<String, Object> wanted) {
        if (wanted == null) {
            return null;
        }
        Map<String, Object> delta = new LinkedHashMap<>();
        wanted.forEach((key, value) -> {
            if (current == null || !current.containsKey(key) || !Objects.equals(current.get(key), value)) {
                delta.put(key, value);
            }
        });
        return delta.isEmpty() && current != null ? null : delta;
    }

    private static Map<String, Object> executionChanges(Map<String, Object> current,
                                                        List<Map<String, Object>> currentArtifacts,
                                                        Map<String, Object> wanted) {
        if (wanted == null) {
            return null;
        }
        Map<String, Object> withoutArtifacts = new LinkedHashMap<>(wanted);
        Object artifacts = withoutArtifacts.remove("artifacts");
        Map<String, Object> delta = merged(current, withoutArtifacts);
        if (artifacts != null && !Objects.equals(artifacts, currentArtifacts)) {
            delta = delta == null ? new LinkedHashMap<>() : delta;
            delta.put("artifacts", artifacts);
        }
        return delta;
    }

    private static TaskModels modelChanges(TaskModels current, TaskModels wanted) {
        if (wanted == null) {
            return null;
        }
        List<TaskModelEntry> input = sameModels(current.input(), wanted.input()) ? null : wanted.input();
        List<TaskModelEntry> output = sameModels(current.output(), wanted.output()) ? null : wanted.output();
        return input == null && output == null ? null : new TaskModels(input, output);
    }

    /** Entries compare by name and model; the update time alone is no change. */
    private static boolean sameModels(List<TaskModelEntry> current, List<TaskModelEntry> wanted) {
        if (wanted == null) {
            return true;
        }
        if (current.size() != wanted.size()) {
            return false;
        }
        for (int i = 0; i < current.size(); i++) {
            if (!Objects.equals(current.get(i).name(), wanted.get(i).name())
                    || !Objects.equals(current.get(i).model(), wanted.get(i).model())) {
                return false;
            }
        }
        return true;
    }
}
