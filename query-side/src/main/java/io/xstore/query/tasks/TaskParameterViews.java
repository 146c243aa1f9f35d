package io.xstore.query.tasks;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Projections;
import io.xstore.protocol.ApiError;
import io.xstore.query.engine.Scope;
import io.xstore.query.engine.WireDocuments;
import io.xstore.readmodel.Collections;
import io.xstore.readmodel.OwnedDocuments;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The fine-grained hyperparameter/configuration reads of docs/api/tasks.md: items are the stored parameter objects
 * ({@code {section, name, value, type?, description?}}), listed per task.
 */
@Component
public class TaskParameterViews {

    private final MongoDatabase db;

    public TaskParameterViews(MongoDatabase db) {
        this.db = db;
    }

    /** {@code {task, hyperparams: [items sorted by section, name]}} per task; all tasks must exist. */
    public List<Map<String, Object>> hyperParams(List<String> taskIds, Scope scope) {
        Map<String, Map<String, Object>> tasks = load(taskIds, scope, "hyperparams", true);
        List<Map<String, Object>> out = new ArrayList<>();
        for (String id : taskIds) {
            List<Map<String, Object>> items = new ArrayList<>();
            for (Object section : maps(tasks.get(id).get("hyperparams"))) {
                items.addAll(maps(section));
            }
            items.sort(Comparator.comparing((Map<String, Object> p) -> text(p.get("section")))
                    .thenComparing(p -> text(p.get("name"))));
            out.add(entry(id, "hyperparams", items));
        }
        return out;
    }

    /** {@code {task, configuration: [items sorted by name]}} per task, optionally only the given names. */
    public List<Map<String, Object>> configurations(List<String> taskIds, Collection<String> names, Scope scope) {
        Map<String, Map<String, Object>> tasks = load(taskIds, scope, "configuration", true);
        List<Map<String, Object>> out = new ArrayList<>();
        for (String id : taskIds) {
            Object configuration = tasks.get(id).get("configuration");
            List<Map<String, Object>> items = new ArrayList<>();
            if (configuration instanceof Map<?, ?> byName) {
                byName.forEach((name, item) -> {
                    if ((names == null || names.contains(String.valueOf(name))) && item instanceof Map<?, ?>) {
                        items.add(castMap(item));
                    }
                });
            }
            items.sort(Comparator.comparing(p -> text(p.get("name"))));
            out.add(entry(id, "configuration", items));
        }
        return out;
    }

    /** {@code {task, names: [...]}} for the tasks that have configuration items (non-empty ones if asked). */
    public List<Map<String, Object>> configurationNames(List<String> taskIds, boolean skipEmpty, Scope scope) {
        Map<String, Map<String, Object>> tasks = load(taskIds, scope, "configuration", false);
        List<Map<String, Object>> out = new ArrayList<>();
        for (String id : taskIds) {
            Map<String, Object> task = tasks.get(id);
            if (task == null || !(task.get("configuration") instanceof Map<?, ?> byName)) {
                continue;
            }
            Set<String> names = new TreeSet<>();
            byName.forEach((name, item) -> {
                Object value = item instanceof Map<?, ?> m ? m.get("value") : null;
                if (!skipEmpty || (value != null && !"".equals(value))) {
                    names.add(String.valueOf(name));
                }
            });
            if (!names.isEmpty()) {
                out.add(entry(id, "names", new ArrayList<>(names)));
            }
        }
        return out;
    }

    private Map<String, Map<String, Object>> load(List<String> ids, Scope scope, String field, boolean mustExist) {
        MongoCollection<Document> tasks = db.getCollection(Collections.TASKS);
        Map<String, Map<String, Object>> found = new LinkedHashMap<>();
        OwnedDocuments.byIds(tasks, ids, scope.ownership(), Projections.include(field))
                .forEach(doc -> found.put(doc.getString("_id"), WireDocuments.render(doc)));
        if (mustExist) {
            List<String> missing = ids.stream().filter(id -> !found.containsKey(id)).toList();
            if (!missing.isEmpty()) {
                throw ApiError.INVALID_TASK_ID.toException(Map.of("ids", missing));
            }
        }
        return found;
    }

    private static Map<String, Object> entry(String task, String key, Object value) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("task", task);
        out.put(key, value);
        return out;
    }

    private static List<Map<String, Object>> maps(Object value) {
        List<Map<String, Object>> out = new ArrayList<>();
        if (value instanceof Map<?, ?> map) {
            map.values().forEach(v -> {
                if (v instanceof Map<?, ?>) {
                    out.add(castMap(v));
                }
            });
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object value) {
        return (Map<String, Object>) value;
    }

    private static String text(Object value) {
        return Objects.toString(value, "");
    }
}
