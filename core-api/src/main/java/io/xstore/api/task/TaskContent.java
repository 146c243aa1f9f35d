package io.xstore.api.task;

import java.util.List;
import java.util.Map;

/**
 * The user-editable content of a task, in ClearML's shape. Free-form parts are plain maps/lists/strings/numbers.
 * <p>
 * In a create every null means "default". In an edit (command or {@link TaskEditedEvent}) a null means "not
 * changed"; {@code script}, {@code execution}, {@code output} and the lists of {@code models} hold only the
 * sub-keys that were set (they are merged one level deep), every other non-null field replaces the stored value.
 * {@code execution.artifacts}, when present, is the full artifact list.
 */
public record TaskContent(String name, String type, String comment, String project, String parent,
                          List<String> tags, List<String> systemTags,
                          Map<String, Object> script, Map<String, Object> execution,
                          Map<String, Object> hyperparams, Map<String, Object> configuration,
                          TaskModels models, Map<String, Object> container, Map<String, Object> runtime,
                          Map<String, Object> output) {

    public static TaskContent none() {
        return new TaskContent(null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null);
    }

    /** True when no field is set (an edit that changes nothing). */
    public boolean changesNothing() {
        return equals(none());
    }

    public TaskContent withName(String value) {
        return new TaskContent(value, type, comment, project, parent, tags, systemTags, script, execution,
                hyperparams, configuration, models, container, runtime, output);
    }

    public TaskContent withParent(String value) {
        return new TaskContent(name, type, comment, project, value, tags, systemTags, script, execution,
                hyperparams, configuration, models, container, runtime, output);
    }

    public TaskContent withModels(TaskModels value) {
        return new TaskContent(name, type, comment, project, parent, tags, systemTags, script, execution,
                hyperparams, configuration, value, container, runtime, output);
    }

    public TaskContent withComment(String value) {
        return new TaskContent(name, type, value, project, parent, tags, systemTags, script, execution,
                hyperparams, configuration, models, container, runtime, output);
    }

    public TaskContent withProject(String value) {
        return new TaskContent(name, type, comment, value, parent, tags, systemTags, script, execution,
                hyperparams, configuration, models, container, runtime, output);
    }

    public TaskContent withTags(List<String> value) {
        return new TaskContent(name, type, comment, project, parent, value, systemTags, script, execution,
                hyperparams, configuration, models, container, runtime, output);
    }

    public TaskContent withSystemTags(List<String> value) {
        return new TaskContent(name, type, comment, project, parent, tags, value, script, execution,
                hyperparams, configuration, models, container, runtime, output);
    }

    public TaskContent withHyperparams(Map<String, Object> value) {
        return new TaskContent(name, type, comment, project, parent, tags, systemTags, script, execution, value,
                configuration, models, container, runtime, output);
    }

    public TaskContent withConfiguration(Map<String, Object> value) {
        return new TaskContent(name, type, comment, project, parent, tags, systemTags, script, execution,
                hyperparams, value, models, container, runtime, output);
    }

    public TaskContent withOutput(Map<String, Object> value) {
        return new TaskContent(name, type, comment, project, parent, tags, systemTags, script, execution,
                hyperparams, configuration, models, container, runtime, value);
    }
}
