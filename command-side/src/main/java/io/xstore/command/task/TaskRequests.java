package io.xstore.command.task;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xstore.api.task.ArtifactKey;
import io.xstore.api.task.HyperParamRef;
import io.xstore.api.task.TaskContent;
import io.xstore.api.task.TaskModelEntry;
import io.xstore.api.task.TaskModelRef;
import io.xstore.api.task.TaskModels;
import io.xstore.protocol.ApiError;
import io.xstore.protocol.Fields;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the parts of task requests into message values: validated types (400/12), free-form JSON as plain Java
 * maps and lists, ClearML's legacy spellings mapped to the current ones.
 */
public final class TaskRequests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private TaskRequests() {
    }

    /** The content fields of tasks.create / tasks.edit; absent fields stay null. */
    static TaskContent content(ObjectNode body, Instant now) {
        Map<String, Object> execution = map(body, "execution");
        Map<String, Object> hyperparams = hyperparams(body);
        Map<String, Object> configuration = configuration(body);
        if (execution != null) {
            execution = new LinkedHashMap<>(execution);
            Object legacyParams = execution.remove("parameters");
            Object legacyDesign = execution.remove("model_desc");
            if (legacyParams instanceof Map<?, ?> params && !params.isEmpty()) {
                hyperparams = LegacyParameters.mergeHyperParams(hyperparams, params);
            }
            if (legacyDesign instanceof Map<?, ?> design && !design.isEmpty()) {
                configuration = LegacyParameters.mergeConfiguration(configuration, design);
            }
            if (execution.get("artifacts") != null) {
                execution.put("artifacts", artifacts(body.get("execution").get("artifacts"), "execution.artifacts"));
            }
        }
        Map<String, Object> output = map(body, "output");
        String outputDest = Fields.optString(body, "output_dest");
        if (outputDest != null) {
            output = output == null ? new LinkedHashMap<>() : new LinkedHashMap<>(output);
            output.put("destination", outputDest);
        }
        return new TaskContent(
                Fields.optString(body, "name"),
                Fields.optString(body, "type"),
                Fields.optString(body, "comment"),
                Fields.optString(body, "project"),
                Fields.optString(body, "parent"),
                stringList(body, "tags"),
                stringList(body, "system_tags"),
                map(body, "script"),
                execution,
                hyperparams,
                configuration,
                models(body, now),
                map(body, "container"),
                map(body, "runtime"),
                output);
    }

    public static Map<String, Object> map(ObjectNode body, String field) {
        ObjectNode node = Fields.optObject(body, field);
        return node == null ? null : JSON.convertValue(node, MAP);
    }

    static List<String> stringList(ObjectNode body, String field) {
        List<String> values = Fields.optStringList(body, field);
        if (values != null && values.contains(null)) {
            throw Fields.wrongType(field, "a list of strings");
        }
        return values;
    }

    public static List<String> requiredIds(ObjectNode body, String field) {
        List<String> ids = stringList(body, field);
        if (ids == null || ids.isEmpty()) {
            throw ApiError.VALIDATION_ERROR.toException("at least one id is required", TaskErrors.data("field", field));
        }
        return ids;
    }

    /** {@code hyperparams}: section → name → param; section and name filled in from the keys. */
    static Map<String, Object> hyperparams(ObjectNode body) {
        ObjectNode node = Fields.optObject(body, "hyperparams");
        if (node == null) {
            return null;
        }
        Map<String, Object> sections = new LinkedHashMap<>();
        node.fields().forEachRemaining(section -> {
            if (!section.getValue().isObject()) {
                throw Fields.wrongType("hyperparams." + section.getKey(), "an object");
            }
            Map<String, Object> params = new LinkedHashMap<>();
            section.getValue().fields().forEachRemaining(param -> {
                Map<String, Object> item = item(param.getValue(), "hyperparams." + section.getKey());
                item.putIfAbsent("section", section.getKey());
                item.putIfAbsent("name", param.getKey());
                params.put(param.getKey(), item);
            });
            sections.put(section.getKey(), params);
        });
        return sections;
    }

    /** {@code configuration}: name → item; the item's name filled in from the key. */
    static Map<String, Object> configuration(ObjectNode body) {
        ObjectNode node = Fields.optObject(body, "configuration");
        if (node == null) {
            return null;
        }
        Map<String, Object> items = new LinkedHashMap<>();
        node.fields().forEachRemaining(entry -> {
            Map<String, Object> item = item(entry.getValue(), "configuration");
            item.putIfAbsent("name", entry.getKey());
            items.put(entry.getKey(), item);
        });
        return items;
    }

    /** A list of hyperparameter items for tasks.edit_hyper_params: each needs a section and a name. */
    static List<Map<String, Object>> hyperParamItems(ObjectNode body) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (JsonNode node : requiredArray(body, "hyperparams")) {
            Map<String, Object> item = item(node, "hyperparams");
            requireText(item, "section", "hyperparams");
            requireText(item, "name", "hyperparams");
            items.add(item);
        }
        return items;
    }

    static List<HyperParamRef> hyperParamRefs(ObjectNode body) {
        List<HyperParamRef> refs = new ArrayList<>();
        for (JsonNode node : requiredArray(body, "hyperparams")) {
            Map<String, Object> item = item(node, "hyperparams");
            requireText(item, "section", "hyperparams");
            Object name = item.get("name");
            refs.add(new HyperParamRef((String) item.get("section"), name == null ? null : name.toString()));
        }
        return refs;
    }

    static List<Map<String, Object>> configurationItems(ObjectNode body) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (JsonNode node : requiredArray(body, "configuration")) {
            Map<String, Object> item = item(node, "configuration");
            requireText(item, "name", "configuration");
            items.add(item);
        }
        return items;
    }

    /** Artifacts with a key each and the mode filled in ({@code output} by default). */
    static List<Map<String, Object>> artifacts(JsonNode array, String field) {
        if (array == null || !array.isArray()) {
            throw Fields.wrongType(field, "a list of artifacts");
        }
        List<Map<String, Object>> items = new ArrayList<>();
        for (JsonNode node : array) {
            Map<String, Object> item = item(node, field);
            requireText(item, "key", field);
            Object mode = item.get("mode");
            if (mode == null) {
                item.put("mode", TaskArtifacts.DEFAULT_MODE);
            } else if (!"input".equals(mode) && !"output".equals(mode)) {
                throw TaskErrors.validation("invalid artifact mode", "mode", mode);
            }
            items.add(item);
        }
        return items;
    }

    static List<ArtifactKey> artifactKeys(ObjectNode body) {
        List<ArtifactKey> keys = new ArrayList<>();
        for (JsonNode node : requiredArray(body, "artifacts")) {
            Map<String, Object> item = item(node, "artifacts");
            requireText(item, "key", "artifacts");
            keys.add(TaskArtifacts.keyOf(item));
        }
        return keys;
    }

    static List<TaskModelRef> modelRefs(ObjectNode body) {
        List<TaskModelRef> refs = new ArrayList<>();
        for (JsonNode node : requiredArray(body, "models")) {
            Map<String, Object> item = item(node, "models");
            requireText(item, "name", "models");
            refs.add(new TaskModelRef((String) item.get("name"), modelType(item.get("type"))));
        }
        return refs;
    }

    static String modelType(Object type) {
        if (!"input".equals(type) && !"output".equals(type)) {
            throw TaskErrors.validation("model type must be input or output", "type", type);
        }
        return (String) type;
    }

    /** {@code models: {input: [{name, model}], output: [...]}}; a list left out stays null (not changed). */
    static TaskModels models(ObjectNode body, Instant now) {
        ObjectNode node = Fields.optObject(body, "models");
        if (node == null) {
            return null;
        }
        return new TaskModels(modelEntries(node, "input", now), modelEntries(node, "output", now));
    }

    static List<TaskModelEntry> modelEntries(ObjectNode models, String type, Instant now) {
        JsonNode list = models.get(type);
        if (list == null || list.isNull()) {
            return null;
        }
        if (!list.isArray()) {
            throw Fields.wrongType("models." + type, "a list");
        }
        List<TaskModelEntry> entries = new ArrayList<>();
        for (JsonNode entry : list) {
            Map<String, Object> item = item(entry, "models." + type);
            requireText(item, "name", "models." + type);
            requireText(item, "model", "models." + type);
            entries.add(new TaskModelEntry((String) item.get("name"), (String) item.get("model"),
                    instant(item.get("updated"), now)));
        }
        return entries;
    }

    private static Instant instant(Object text, Instant fallback) {
        if (text instanceof String value) {
            try {
                return OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException e) {
                return fallback;
            }
        }
        return fallback;
    }

    private static JsonNode requiredArray(ObjectNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            throw ApiError.VALIDATION_ERROR.toException("field is required", TaskErrors.data("field", field));
        }
        if (!node.isArray()) {
            throw Fields.wrongType(field, "a list");
        }
        return node;
    }

    private static Map<String, Object> item(JsonNode node, String field) {
        if (!node.isObject()) {
            throw Fields.wrongType(field, "a list of objects");
        }
        return new LinkedHashMap<>(JSON.convertValue(node, MAP));
    }

    private static void requireText(Map<String, Object> item, String key, String field) {
        if (!(item.get(key) instanceof String value) || value.isEmpty()) {
            throw ApiError.VALIDATION_ERROR.toException("field is required",
                    TaskErrors.data("field", field + "." + key));
        }
    }
}
