package io.xstore.server.api;

import com.fasterxml.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Type checks of what the SDK parses: its typed responses turn into None when a known key has the wrong type, so
 * ints must be ints, lists lists, ids 32-hex strings and dates ISO-8601 strings with a UTC offset.
 */
final class WireShapes {

    static final String ID = "[0-9a-f]{32}";
    static final String DATE = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{6})?\\+00:00";

    private WireShapes() {
    }

    static void id(JsonNode node, String field) {
        assertThat(node.get(field)).as(field + " in " + node).isNotNull();
        assertThat(node.get(field).isTextual()).as(field + " is a string in " + node).isTrue();
        assertThat(node.get(field).asText()).as(field).matches(ID);
    }

    static void date(JsonNode node, String field) {
        assertThat(node.get(field)).as(field + " in " + node).isNotNull();
        assertThat(node.get(field).isTextual()).as(field + " is a string in " + node).isTrue();
        assertThat(node.get(field).asText()).as(field).matches(DATE);
    }

    static void optionalDate(JsonNode node, String field) {
        if (node.hasNonNull(field)) {
            date(node, field);
        }
    }

    static void string(JsonNode node, String field) {
        assertThat(node.get(field)).as(field + " in " + node).isNotNull();
        assertThat(node.get(field).isTextual()).as(field + " is a string in " + node).isTrue();
    }

    static void optionalString(JsonNode node, String field) {
        if (node.hasNonNull(field)) {
            string(node, field);
        }
    }

    static void integer(JsonNode node, String field) {
        assertThat(node.get(field)).as(field + " in " + node).isNotNull();
        assertThat(node.get(field).isIntegralNumber()).as(field + " is an int in " + node).isTrue();
    }

    static void optionalInteger(JsonNode node, String field) {
        if (node.hasNonNull(field)) {
            integer(node, field);
        }
    }

    static void bool(JsonNode node, String field) {
        assertThat(node.get(field)).as(field + " in " + node).isNotNull();
        assertThat(node.get(field).isBoolean()).as(field + " is a bool in " + node).isTrue();
    }

    static void list(JsonNode node, String field) {
        assertThat(node.get(field)).as(field + " in " + node).isNotNull();
        assertThat(node.get(field).isArray()).as(field + " is a list in " + node).isTrue();
    }

    static void stringList(JsonNode node, String field) {
        list(node, field);
        node.get(field).forEach(item -> assertThat(item.isTextual()).as(field + " items are strings").isTrue());
    }

    static void object(JsonNode node, String field) {
        assertThat(node.get(field)).as(field + " in " + node).isNotNull();
        assertThat(node.get(field).isObject()).as(field + " is an object in " + node).isTrue();
    }

    static void optionalObject(JsonNode node, String field) {
        if (node.hasNonNull(field)) {
            object(node, field);
        }
    }

    /** The task document (docs/api/tasks.md) as the SDK's {@code tasks.Task} parses it. */
    static void task(JsonNode task) {
        id(task, "id");
        string(task, "name");
        string(task, "type");
        string(task, "status");
        string(task, "status_reason");
        string(task, "status_message");
        date(task, "status_changed");
        string(task, "comment");
        date(task, "created");
        optionalDate(task, "started");
        optionalDate(task, "completed");
        optionalDate(task, "published");
        optionalInteger(task, "active_duration");
        optionalString(task, "parent");
        optionalString(task, "project");
        string(task, "user");
        string(task, "company");
        stringList(task, "tags");
        stringList(task, "system_tags");
        optionalObject(task, "script");
        object(task, "execution");
        if (task.get("execution").has("artifacts")) {
            list(task.get("execution"), "artifacts");
            task.get("execution").get("artifacts").forEach(WireShapes::artifact);
        }
        object(task, "hyperparams");
        object(task, "configuration");
        object(task, "models");
        taskModels(task.get("models"), "input");
        taskModels(task.get("models"), "output");
        object(task, "container");
        object(task, "runtime");
        optionalObject(task, "output");
        optionalString(task, "last_worker");
        optionalDate(task, "last_worker_report");
        date(task, "last_update");
        date(task, "last_change");
        string(task, "last_changed_by");
        integer(task, "last_iteration");
        object(task, "last_metrics");
    }

    static void taskModels(JsonNode models, String type) {
        list(models, type);
        for (JsonNode entry : models.get(type)) {
            string(entry, "name");
            id(entry, "model");
            date(entry, "updated");
        }
    }

    static void artifact(JsonNode artifact) {
        string(artifact, "key");
        string(artifact, "type");
        string(artifact, "mode");
        optionalString(artifact, "uri");
        optionalString(artifact, "hash");
        optionalInteger(artifact, "content_size");
        optionalInteger(artifact, "timestamp");
        optionalObject(artifact, "type_data");
        if (artifact.hasNonNull("display_data")) {
            list(artifact, "display_data");
        }
    }

    /** The model document (docs/api/models.md) as the SDK's {@code models.Model} parses it. */
    static void model(JsonNode model) {
        id(model, "id");
        string(model, "name");
        string(model, "uri");
        bool(model, "ready");
        date(model, "created");
        string(model, "user");
        string(model, "company");
        optionalString(model, "framework");
        optionalString(model, "comment");
        optionalString(model, "task");
        optionalString(model, "project");
        optionalString(model, "parent");
        optionalObject(model, "labels");
        optionalObject(model, "design");
        if (model.hasNonNull("tags")) {
            stringList(model, "tags");
        }
        if (model.hasNonNull("system_tags")) {
            stringList(model, "system_tags");
        }
        optionalDate(model, "last_update");
        optionalInteger(model, "last_iteration");
    }

    /** The project document (docs/api/projects.md). */
    static void project(JsonNode project) {
        id(project, "id");
        string(project, "name");
        string(project, "basename");
        date(project, "created");
        optionalString(project, "description");
        optionalString(project, "parent");
        optionalString(project, "default_output_destination");
        if (project.hasNonNull("tags")) {
            stringList(project, "tags");
        }
        if (project.hasNonNull("system_tags")) {
            stringList(project, "system_tags");
        }
        optionalDate(project, "last_update");
    }

    /** {@code {updated: int, fields: {...}}} */
    static void updated(JsonNode data) {
        integer(data, "updated");
        object(data, "fields");
    }
}
