package io.xstore.command.task;

import io.xstore.api.task.ArtifactKey;
import io.xstore.api.task.HyperParamRef;
import io.xstore.api.task.TaskContent;
import io.xstore.api.task.TaskModelEntry;
import io.xstore.api.task.TaskModelRef;
import io.xstore.api.task.TaskModels;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The content of a task as the aggregate keeps it, changed only by its event sourcing handlers. Artifacts are kept
 * apart from {@code execution}, keyed by (key, mode).
 */
final class TaskState {

    private String name;
    private String type;
    private String comment;
    private String project;
    private String parent;
    private List<String> tags;
    private List<String> systemTags;
    private Map<String, Object> script;
    private Map<String, Object> execution;
    private Map<String, Object> hyperparams;
    private Map<String, Object> configuration;
    private List<TaskModelEntry> inputModels;
    private List<TaskModelEntry> outputModels;
    private Map<String, Object> container;
    private Map<String, Object> runtime;
    private Map<String, Object> output;
    private final Map<ArtifactKey, Map<String, Object>> artifacts = new LinkedHashMap<>();

    static TaskState of(TaskContent created) {
        TaskContent c = TaskDefaults.forCreate(created);
        TaskState state = new TaskState();
        state.name = c.name();
        state.type = c.type();
        state.comment = c.comment();
        state.project = c.project();
        state.parent = c.parent();
        state.tags = List.copyOf(c.tags());
        state.systemTags = List.copyOf(c.systemTags());
        state.script = c.script() == null ? null : new LinkedHashMap<>(c.script());
        state.execution = new LinkedHashMap<>(c.execution());
        state.takeArtifactsFromExecution();
        state.hyperparams = new LinkedHashMap<>(c.hyperparams());
        state.configuration = new LinkedHashMap<>(c.configuration());
        state.inputModels = new ArrayList<>(c.models().input());
        state.outputModels = new ArrayList<>(c.models().output());
        state.container = new LinkedHashMap<>(c.container());
        state.runtime = new LinkedHashMap<>(c.runtime());
        state.output = new LinkedHashMap<>(c.output());
        return state;
    }

    /** The state as a snapshot of the aggregate holds it (see {@link TaskAggregate#snapshot()}). */
    record Snapshot(String name, String type, String comment, String project, String parent, List<String> tags,
                    List<String> systemTags, Map<String, Object> script, Map<String, Object> execution,
                    Map<String, Object> hyperparams, Map<String, Object> configuration,
                    List<TaskModelEntry> inputModels, List<TaskModelEntry> outputModels, Map<String, Object> container,
                    Map<String, Object> runtime, Map<String, Object> output, List<Artifact> artifacts) {
    }

    /** One artifact of a snapshot, with the (key, mode) it is kept under. */
    record Artifact(String key, String mode, Map<String, Object> item) {
    }

    Snapshot snapshot() {
        List<Artifact> artifactEntries = new ArrayList<>(artifacts.size());
        artifacts.forEach((key, item) -> artifactEntries.add(new Artifact(key.key(), key.mode(), item)));
        return new Snapshot(name, type, comment, project, parent, tags, systemTags, script, execution, hyperparams,
                configuration, inputModels, outputModels, container, runtime, output, artifactEntries);
    }

    /** The state a snapshot holds, in the same mutable containers the event handlers leave. */
    static TaskState of(Snapshot snapshot) {
        TaskState state = new TaskState();
        state.name = snapshot.name();
        state.type = snapshot.type();
        state.comment = snapshot.comment();
        state.project = snapshot.project();
        state.parent = snapshot.parent();
        state.tags = snapshot.tags() == null ? null : List.copyOf(snapshot.tags());
        state.systemTags = snapshot.systemTags() == null ? null : List.copyOf(snapshot.systemTags());
        state.script = mutable(snapshot.script());
        state.execution = mutable(snapshot.execution());
        state.hyperparams = mutable(snapshot.hyperparams());
        state.configuration = mutable(snapshot.configuration());
        state.inputModels = snapshot.inputModels() == null ? null : new ArrayList<>(snapshot.inputModels());
        state.outputModels = snapshot.outputModels() == null ? null : new ArrayList<>(snapshot.outputModels());
        state.container = mutable(snapshot.container());
        state.runtime = mutable(snapshot.runtime());
        state.output = mutable(snapshot.output());
        if (snapshot.artifacts() != null) {
            snapshot.artifacts().forEach(a -> state.artifacts.put(new ArtifactKey(a.key(), a.mode()), a.item()));
        }
        return state;
    }

    private static Map<String, Object> mutable(Map<String, Object> map) {
        return map == null ? null : new LinkedHashMap<>(map);
    }

    /** A read-only view; {@code execution} without artifacts (see {@link #artifactList()}). */
    TaskContent content() {
        return new TaskContent(name, type, comment, project, parent, tags, systemTags, script, execution,
                hyperparams, configuration, new TaskModels(inputModels, outputModels), container, runtime, output);
    }

    List<Map<String, Object>> artifactList() {
        return new ArrayList<>(artifacts.values());
    }

    List<String> systemTags() {
        return systemTags;
    }

    List<String> tags() {
        return tags;
    }

    boolean hasScript() {
        return script != null;
    }

    String lastOutputModel() {
        return outputModels.isEmpty() ? null : outputModels.get(outputModels.size() - 1).model();
    }

    /** The model ids named by the entries of {@code models.input} or {@code models.output}. */
    List<String> modelIds(String modelType) {
        return models(modelType).stream().map(TaskModelEntry::model).filter(Objects::nonNull).distinct().toList();
    }

    /** The entries of {@code models.<modelType>} with {@code modelId} replaced; null when none names it. */
    List<TaskModelEntry> withModelReplaced(String modelType, String modelId, String replacement) {
        List<TaskModelEntry> entries = models(modelType);
        if (entries.stream().noneMatch(e -> modelId.equals(e.model()))) {
            return null;
        }
        return entries.stream().map(e -> modelId.equals(e.model())
                ? new TaskModelEntry(e.name(), replacement, e.updated()) : e).toList();
    }

    /** References to the entries of {@code models.<modelType>} that name {@code modelId}. */
    List<TaskModelRef> entriesOf(String modelType, String modelId) {
        return models(modelType).stream().filter(e -> modelId.equals(e.model()))
                .map(e -> new TaskModelRef(e.name(), modelType)).toList();
    }

    /** URIs of the output artifacts (mode output, non-empty uri): what a delete or reset may remove. */
    List<String> outputArtifactUris() {
        return artifacts.values().stream().filter(a -> !"input".equals(a.get("mode")))
                .map(a -> a.get("uri")).filter(uri -> uri instanceof String text && !text.isEmpty())
                .map(String.class::cast).distinct().toList();
    }

    String parent() {
        return parent;
    }

    boolean hasHyperParam(HyperParamRef ref) {
        return hyperparams.get(ref.section()) instanceof Map<?, ?> params
                && (ref.name() == null || params.containsKey(ref.name()));
    }

    boolean hasConfiguration(String itemName) {
        return configuration.containsKey(itemName);
    }

    boolean hasArtifact(ArtifactKey key) {
        return artifacts.containsKey(key);
    }

    boolean hasModel(TaskModelRef ref) {
        return models(ref.type()).stream().anyMatch(e -> e.name().equals(ref.name()));
    }

    // ---- changes (event sourcing handlers only) ----

    void applyEdit(TaskContent changes) {
        if (changes.name() != null) {
            name = changes.name();
        }
        if (changes.type() != null) {
            type = changes.type();
        }
        if (changes.comment() != null) {
            comment = changes.comment();
        }
        if (changes.project() != null) {
            project = changes.project().isEmpty() ? null : changes.project();
        }
        if (changes.parent() != null) {
            parent = changes.parent().isEmpty() ? null : changes.parent();
        }
        if (changes.tags() != null) {
            tags = List.copyOf(changes.tags());
        }
        if (changes.systemTags() != null) {
            systemTags = List.copyOf(changes.systemTags());
        }
        if (changes.script() != null) {
            script = script == null ? new LinkedHashMap<>() : script;
            script.putAll(changes.script());
        }
        if (changes.execution() != null) {
            execution.putAll(changes.execution());
            if (changes.execution().containsKey("artifacts")) {
                artifacts.clear();
                takeArtifactsFromExecution();
            }
        }
        if (changes.hyperparams() != null) {
            hyperparams = new LinkedHashMap<>(changes.hyperparams());
        }
        if (changes.configuration() != null) {
            configuration = new LinkedHashMap<>(changes.configuration());
        }
        if (changes.models() != null) {
            if (changes.models().input() != null) {
                inputModels = new ArrayList<>(changes.models().input());
            }
            if (changes.models().output() != null) {
                outputModels = new ArrayList<>(changes.models().output());
            }
        }
        if (changes.container() != null) {
            container = new LinkedHashMap<>(changes.container());
        }
        if (changes.runtime() != null) {
            runtime = new LinkedHashMap<>(changes.runtime());
        }
        if (changes.output() != null) {
            output.putAll(changes.output());
        }
    }

    /** What tasks.reset clears (docs/api/tasks.md, Reset). */
    void reset(boolean clearAll) {
        artifacts.values().removeIf(a -> !"input".equals(a.get("mode")));
        outputModels = new ArrayList<>();
        runtime = new LinkedHashMap<>();
        output.remove("result");
        output.remove("error");
        execution.remove("queue");
        if (clearAll) {
            execution = new LinkedHashMap<>();
            artifacts.clear();
            script = null;
        }
    }

    void setRequirements(Map<String, Object> requirements) {
        script.put("requirements", requirements);
    }

    @SuppressWarnings("unchecked")
    void editHyperParams(List<Map<String, Object>> items, String replace) {
        if ("all".equals(replace)) {
            hyperparams = new LinkedHashMap<>();
        } else if ("section".equals(replace)) {
            items.forEach(item -> hyperparams.remove((String) item.get("section")));
        }
        for (Map<String, Object> item : items) {
            String section = (String) item.get("section");
            Map<String, Object> params = hyperparams.get(section) instanceof Map<?, ?> existing
                    ? new LinkedHashMap<>((Map<String, Object>) existing) : new LinkedHashMap<>();
            params.put((String) item.get("name"), item);
            hyperparams.put(section, params);
        }
    }

    @SuppressWarnings("unchecked")
    void deleteHyperParams(List<HyperParamRef> refs) {
        for (HyperParamRef ref : refs) {
            if (ref.name() == null) {
                hyperparams.remove(ref.section());
            } else if (hyperparams.get(ref.section()) instanceof Map<?, ?> existing) {
                Map<String, Object> params = new LinkedHashMap<>((Map<String, Object>) existing);
                params.remove(ref.name());
                hyperparams.put(ref.section(), params);
            }
        }
    }

    void editConfiguration(List<Map<String, Object>> items, boolean replace) {
        if (replace) {
            configuration = new LinkedHashMap<>();
        }
        items.forEach(item -> configuration.put((String) item.get("name"), item));
    }

    void deleteConfiguration(List<String> names) {
        names.forEach(configuration::remove);
    }

    void putArtifacts(List<Map<String, Object>> items) {
        for (Map<String, Object> item : items) {
            artifacts.put(TaskArtifacts.keyOf(item), item);
        }
    }

    void removeArtifacts(List<ArtifactKey> keys) {
        keys.forEach(artifacts::remove);
    }

    /** Upsert by name, in place when the name exists. */
    void attachModel(String modelType, TaskModelEntry entry) {
        List<TaskModelEntry> entries = models(modelType);
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).name().equals(entry.name())) {
                entries.set(i, entry);
                return;
            }
        }
        entries.add(entry);
    }

    void detachModels(List<TaskModelRef> refs) {
        refs.forEach(ref -> models(ref.type()).removeIf(e -> e.name().equals(ref.name())));
    }

    void setSystemTag(String tag, boolean present) {
        List<String> updated = new ArrayList<>(systemTags);
        updated.remove(tag);
        if (present) {
            updated.add(tag);
        }
        systemTags = List.copyOf(updated);
    }

    private List<TaskModelEntry> models(String modelType) {
        return "input".equals(modelType) ? inputModels : outputModels;
    }

    private void takeArtifactsFromExecution() {
        if (execution.remove("artifacts") instanceof List<?> list) {
            putArtifacts(TaskArtifacts.asMaps(list));
        }
    }
}
