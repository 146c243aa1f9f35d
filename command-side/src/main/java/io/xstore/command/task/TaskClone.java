package io.xstore.command.task;

import io.xstore.api.task.CloneTaskCommand;
import io.xstore.api.task.TaskContent;
import io.xstore.api.task.TaskModels;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a clone copies (docs/api/tasks.md): type, script, execution without queue and output artifacts, hyperparams,
 * configuration, container, input models, output destination; not the development/archived system tags. Every
 * override of the command wins.
 */
final class TaskClone {

    private TaskClone() {
    }

    static TaskContent content(String sourceId, TaskContent source, List<Map<String, Object>> artifacts,
                               CloneTaskCommand c) {
        Map<String, Object> execution = new LinkedHashMap<>(source.execution());
        execution.remove("queue");
        List<Map<String, Object>> inputArtifacts = artifacts.stream()
                .filter(a -> "input".equals(a.get("mode"))).toList();
        if (!inputArtifacts.isEmpty()) {
            execution.put("artifacts", inputArtifacts);
        }
        if (c.executionOverrides() != null) {
            execution.putAll(c.executionOverrides());
        }
        Map<String, Object> output = new LinkedHashMap<>();
        if (source.output().get("destination") != null) {
            output.put("destination", source.output().get("destination"));
        }
        List<String> systemTags = c.systemTags() != null ? c.systemTags() : source.systemTags().stream()
                .filter(t -> !TaskAggregate.DEVELOPMENT.equals(t) && !TaskAggregate.ARCHIVED.equals(t)).toList();
        String parent = c.parent() != null ? c.parent()
                : source.parent() != null && !source.parent().startsWith(TaskAggregate.DELETED_PARENT_PREFIX)
                ? source.parent() : sourceId;
        return new TaskContent(
                Objects.requireNonNullElse(c.name(), source.name()),
                source.type(),
                Objects.requireNonNullElse(c.comment(), source.comment()),
                c.project() != null ? c.project() : source.project(),
                parent,
                c.tags() != null ? c.tags() : source.tags(),
                systemTags,
                source.script(),
                execution,
                c.hyperparams() != null ? c.hyperparams() : source.hyperparams(),
                c.configuration() != null ? c.configuration() : source.configuration(),
                new TaskModels(c.inputModels() != null ? c.inputModels() : source.models().input(), List.of()),
                c.container() != null ? c.container() : source.container(),
                Map.of(),
                output);
    }
}
