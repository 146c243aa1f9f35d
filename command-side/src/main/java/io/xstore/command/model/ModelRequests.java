package io.xstore.command.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xstore.api.model.ModelFields;
import io.xstore.protocol.ApiError;
import io.xstore.protocol.Fields;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Reads model fields from request bodies ({@code models.create/edit/update}). */
public final class ModelRequests {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Fields a client may send to {@code models.create} and {@code models.edit}. */
    static final List<String> EDITABLE = List.of("name", "uri", "framework", "design", "labels", "comment", "tags",
            "system_tags", "task", "project", "parent", "ready", "metadata");

    /** Fields {@code models.update} accepts; the others are ignored. */
    static final List<String> USER_SETTABLE = List.of("name", "comment", "tags", "system_tags", "project", "created",
            "ui_cache", "uri", "metadata");

    private ModelRequests() {
    }

    static ModelFields fields(ObjectNode body, List<String> allowed) {
        return new ModelFields(
                allowed.contains("name") ? Fields.optString(body, "name") : null,
                allowed.contains("uri") ? Fields.optString(body, "uri") : null,
                allowed.contains("framework") ? Fields.optString(body, "framework") : null,
                allowed.contains("design") ? design(body) : null,
                allowed.contains("labels") ? labels(body) : null,
                allowed.contains("comment") ? Fields.optString(body, "comment") : null,
                allowed.contains("tags") ? strings(body, "tags") : null,
                allowed.contains("system_tags") ? strings(body, "system_tags") : null,
                allowed.contains("task") ? reference(body, "task") : null,
                allowed.contains("project") ? reference(body, "project") : null,
                allowed.contains("parent") ? reference(body, "parent") : null,
                allowed.contains("ready") && body.hasNonNull("ready") ? Fields.optBool(body, "ready", false) : null,
                allowed.contains("created") ? date(body, "created") : null,
                allowed.contains("ui_cache") ? object(body, "ui_cache") : null,
                allowed.contains("metadata") ? metadata(body.get("metadata"), "metadata") : null);
    }

    /** The fields of the request as the {@code fields} part of an update response. */
    static Map<String, Object> echo(ObjectNode body, List<String> allowed) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (String field : allowed) {
            if (body.hasNonNull(field)) {
                fields.put(field, body.get(field));
            }
        }
        return fields;
    }

    static List<String> strings(ObjectNode body, String field) {
        List<String> values = Fields.optStringList(body, field);
        return values == null ? null : values.stream().filter(Objects::nonNull).toList();
    }

    static List<String> requireIds(ObjectNode body) {
        List<String> ids = strings(body, "ids");
        if (ids == null || ids.isEmpty()) {
            throw ApiError.VALIDATION_ERROR.toException("at least one id is required", Map.of("field", "ids"));
        }
        return ids;
    }

    /**
     * Metadata as a list of {@code {key, type, value}} (or a map of them keyed by key) → key → item; items without a
     * key are a 400/12.
     */
    public static Map<String, Object> metadata(JsonNode node, String field) {
        if (node == null || node.isNull()) {
            return null;
        }
        Map<String, Object> items = new LinkedHashMap<>();
        Iterable<JsonNode> values = node.isObject() ? node::elements : node;
        if (!node.isArray() && !node.isObject()) {
            throw Fields.wrongType(field, "a list of {key, type, value}");
        }
        for (JsonNode item : values) {
            if (!item.isObject() || !item.hasNonNull("key") || !item.get("key").isValueNode()) {
                throw Fields.wrongType(field, "a list of {key, type, value}");
            }
            String key = item.get("key").asText();
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("key", key);
            entry.put("type", textOrNull(item.get("type")));
            entry.put("value", textOrNull(item.get("value")));
            items.put(key, entry);
        }
        return items;
    }

    private static String textOrNull(JsonNode node) {
        return node == null || node.isNull() ? null : node.isValueNode() ? node.asText() : node.toString();
    }

    /** An id reference; an empty string counts as absent. */
    private static String reference(ObjectNode body, String field) {
        String value = Fields.optString(body, field);
        return value == null || value.isEmpty() ? null : value;
    }

    /** {@code design} is an object; a plain string (old clients) is kept as {@code {"design": text}}. */
    private static Map<String, Object> design(ObjectNode body) {
        JsonNode node = body.get("design");
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isTextual()) {
            return Map.of("design", node.asText());
        }
        return object(body, "design");
    }

    private static Map<String, Object> labels(ObjectNode body) {
        Map<String, Object> labels = object(body, "labels");
        if (labels != null) {
            labels.forEach((label, value) -> {
                if (!(value instanceof Number number) || number.doubleValue() != Math.rint(number.doubleValue())) {
                    throw Fields.wrongType("labels", "a map of label to integer");
                }
            });
        }
        return labels;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(ObjectNode body, String field) {
        ObjectNode node = Fields.optObject(body, field);
        return node == null ? null : JSON.convertValue(node, LinkedHashMap.class);
    }

    private static Instant date(ObjectNode body, String field) {
        String text = Fields.optString(body, field);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException again) {
                throw Fields.wrongType(field, "an ISO-8601 date");
            }
        }
    }
}
