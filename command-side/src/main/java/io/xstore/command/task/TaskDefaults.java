package io.xstore.command.task;

import io.xstore.api.task.TaskContent;
import io.xstore.api.task.TaskModels;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The values a new task has for every field the request left out. */
final class TaskDefaults {

    private TaskDefaults() {
    }

    static TaskContent forCreate(TaskContent c) {
        Map<String, Object> script = c.script();
        if (script != null && !script.containsKey("binary")) {
            script = new LinkedHashMap<>(script);
            script.put("binary", "python");
        }
        TaskModels models = c.models() == null ? TaskModels.empty()
                : new TaskModels(orEmpty(c.models().input()), orEmpty(c.models().output()));
        return new TaskContent(c.name(), c.type(), Objects.requireNonNullElse(c.comment(), ""), c.project(),
                c.parent(), orEmpty(c.tags()), orEmpty(c.systemTags()), script, orEmpty(c.execution()),
                orEmpty(c.hyperparams()), orEmpty(c.configuration()), models, orEmpty(c.container()),
                orEmpty(c.runtime()), orEmpty(c.output()));
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static Map<String, Object> orEmpty(Map<String, Object> map) {
        return map == null ? Map.of() : map;
    }
}
