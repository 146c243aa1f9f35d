package io.xstore.projection.task;

import io.xstore.api.AuditEntry;
import io.xstore.api.task.TaskContent;
import io.xstore.api.task.TaskCreatedEvent;
import io.xstore.api.task.TaskModelEntry;
import io.xstore.readmodel.MongoKeys;
import org.bson.Document;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/** Builds the parts of a {@code tasks} document in ClearML's wire shape (docs/api/tasks.md). */
final class TaskDocuments {

    static final Comparator<Document> ARTIFACT_ORDER = Comparator
            .comparing((Document a) -> Objects.toString(a.get("key"), ""))
            .thenComparing(a -> Objects.toString(a.get("mode"), ""));

    private TaskDocuments() {
    }

    static Document created(TaskCreatedEvent event) {
        TaskContent c = event.content();
        AuditEntry audit = event.audit();
        Date at = Date.from(audit.at());
        Document task = new Document("_id", event.taskId())
                .append("company", audit.companyId())
                .append("user", audit.userId())
                .append("name", c.name())
                .append("type", c.type())
                .append("status", "created")
                .append("status_reason", "")
                .append("status_message", "")
                .append("status_changed", at)
                .append("comment", c.comment() == null ? "" : c.comment())
                .append("created", at)
                .append("last_update", at)
                .append("last_change", at)
                .append("last_changed_by", audit.userId());
        putIfPresent(task, "project", emptyToNull(c.project()));
        putIfPresent(task, "parent", emptyToNull(c.parent()));
        task.append("tags", sorted(c.tags()))
                .append("system_tags", sorted(c.systemTags()));
        if (c.script() != null) {
            task.append("script", MongoKeys.toMongo(c.script()));
        }
        task.append("execution", execution(c.execution()))
                .append("hyperparams", escaped(c.hyperparams()))
                .append("configuration", escaped(c.configuration()))
                .append("models", new Document("input", models(c.models() == null ? null : c.models().input()))
                        .append("output", models(c.models() == null ? null : c.models().output())))
                .append("container", escaped(c.container()))
                .append("runtime", escaped(c.runtime()))
                .append("output", escaped(c.output()))
                .append("last_iteration", 0)
                .append("last_metrics", new Document());
        return task;
    }

    static Document execution(Map<String, Object> execution) {
        Document doc = escaped(execution);
        if (execution != null && execution.get("artifacts") instanceof List<?> artifacts) {
            doc.put("artifacts", artifacts(artifacts));
        }
        return doc;
    }

    /** Artifacts as stored: escaped documents, sorted by key (then mode). */
    static List<Document> artifacts(List<?> items) {
        List<Document> docs = new ArrayList<>();
        for (Object item : items) {
            if (item instanceof Document doc) {
                docs.add(doc);
            } else if (item instanceof Map<?, ?> map) {
                docs.add(MongoKeys.toMongo(castMap(map)));
            }
        }
        docs.sort(ARTIFACT_ORDER);
        return docs;
    }

    static List<Document> models(List<TaskModelEntry> entries) {
        List<Document> docs = new ArrayList<>();
        if (entries != null) {
            entries.forEach(e -> docs.add(model(e)));
        }
        return docs;
    }

    static Document model(TaskModelEntry entry) {
        return new Document("name", entry.name()).append("model", entry.model())
                .append("updated", entry.updated() == null ? null : Date.from(entry.updated()));
    }

    static Document escaped(Map<String, Object> map) {
        return map == null ? new Document() : MongoKeys.toMongo(map);
    }

    static List<String> sorted(List<String> values) {
        return values == null ? List.of() : new ArrayList<>(new TreeSet<>(values));
    }

    static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> castMap(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }

    private static void putIfPresent(Document doc, String key, Object value) {
        if (value != null) {
            doc.append(key, value);
        }
    }
}
