package io.xstore.command.task;

import io.xstore.api.AuditEntry;
import io.xstore.api.task.TaskContent;
import io.xstore.api.task.TaskModelEntry;
import io.xstore.api.task.TaskModels;
import io.xstore.api.task.TaskResetEvent;
import io.xstore.api.task.TaskStatus;
import io.xstore.api.task.TaskStatusEvent;
import io.xstore.protocol.WireDates;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code fields} part of ClearML update responses: changed field paths → new values, dates as wire strings. */
public final class TaskResponses {

    private TaskResponses() {
    }

    static Map<String, Object> updated(Map<String, Object> fields) {
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("updated", 1);
        response.put("fields", fields);
        return response;
    }

    public static Map<String, Object> statusFields(TaskStatusEvent change) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("status", change.to().wire());
        fields.put("status_reason", change.statusReason());
        fields.put("status_message", change.statusMessage());
        fields.put("status_changed", WireDates.format(change.audit().at()));
        String at = WireDates.format(change.audit().at());
        if (change.startsRun()) {
            fields.put("started", at);
        }
        if (change.setsCompleted()) {
            fields.put("completed", at);
        }
        if (change.setsPublished()) {
            fields.put("published", at);
        }
        if (change.endsRun()) {
            fields.put("active_duration", change.activeDuration());
        }
        putChangeStamp(fields, change.audit());
        return fields;
    }

    static Map<String, Object> resetFields(TaskResetEvent reset) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("status", TaskStatus.CREATED.wire());
        fields.put("status_reason", "");
        fields.put("status_message", "");
        fields.put("status_changed", WireDates.format(reset.audit().at()));
        fields.put("last_iteration", 0);
        putChangeStamp(fields, reset.audit());
        return fields;
    }

    /** The requested content as field paths; merged objects as {@code script.<key>} paths. */
    static Map<String, Object> contentFields(TaskContent c, TaskStatus status, AuditEntry audit) {
        Map<String, Object> fields = new LinkedHashMap<>();
        putIfSet(fields, "name", c.name());
        putIfSet(fields, "type", c.type());
        putIfSet(fields, "comment", c.comment());
        putIfSet(fields, "project", c.project());
        putIfSet(fields, "parent", c.parent());
        putIfSet(fields, "tags", c.tags());
        putIfSet(fields, "system_tags", c.systemTags());
        putPaths(fields, "script", c.script());
        putPaths(fields, "execution", c.execution());
        putIfSet(fields, "hyperparams", c.hyperparams());
        putIfSet(fields, "configuration", c.configuration());
        if (c.models() != null) {
            putIfSet(fields, "models.input", models(c.models().input()));
            putIfSet(fields, "models.output", models(c.models().output()));
        }
        putIfSet(fields, "container", c.container());
        putIfSet(fields, "runtime", c.runtime());
        putPaths(fields, "output", c.output());
        if (status != null) {
            fields.put("status", status.wire());
        }
        putChangeStamp(fields, audit);
        return fields;
    }

    static List<Map<String, Object>> models(List<TaskModelEntry> entries) {
        if (entries == null) {
            return null;
        }
        return entries.stream().map(e -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", e.name());
            entry.put("model", e.model());
            entry.put("updated", WireDates.format(e.updated()));
            return entry;
        }).toList();
    }

    static Map<String, Object> models(TaskModels models) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("input", models(models.input()));
        out.put("output", models(models.output()));
        return out;
    }

    private static void putChangeStamp(Map<String, Object> fields, AuditEntry audit) {
        String at = WireDates.format(audit.at());
        fields.put("last_update", at);
        fields.put("last_change", at);
        fields.put("last_changed_by", audit.userId());
    }

    private static void putIfSet(Map<String, Object> fields, String path, Object value) {
        if (value != null) {
            fields.put(path, value);
        }
    }

    private static void putPaths(Map<String, Object> fields, String prefix, Map<String, Object> values) {
        if (values != null) {
            values.forEach((key, value) -> fields.put(prefix + "." + key, value));
        }
    }
}
