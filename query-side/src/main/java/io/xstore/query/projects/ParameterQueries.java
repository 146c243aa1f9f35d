package io.xstore.query.projects;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import io.xstore.protocol.Fields;
import io.xstore.query.ProjectHierarchy;
import io.xstore.query.ReadRequests;
import io.xstore.query.engine.FilterBuilder;
import io.xstore.query.engine.NaturalOrder;
import io.xstore.query.engine.PythonRegex;
import io.xstore.query.engine.Scope;
import io.xstore.query.engine.WireDocuments;
import io.xstore.readmodel.Collections;
import io.xstore.readmodel.MongoKeys;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The UI's column/filter helpers over tasks and models of some projects: hyperparameter names and values, model
 * metadata keys and values, and the metric/variant pairs of {@code last_metrics}. Collected client-side from the
 * projected fields (the embedded server lacks {@code $objectToArray}).
 */
@Component
public class ParameterQueries {

    private final MongoDatabase db;
    private final ProjectHierarchy hierarchy;

    public ParameterQueries(MongoDatabase db, ProjectHierarchy hierarchy) {
        this.db = db;
        this.hierarchy = hierarchy;
    }

    /** {@code {total, remaining, parameters: [{section, name}]}} sorted by section, name. */
    public Map<String, Object> hyperParameters(String company, ObjectNode body) {
        TreeMap<String, Map<String, Object>> found = new TreeMap<>();
        scan(Collections.TASKS, singleProject(company, body), "hyperparams", doc -> {
            if (doc.get("hyperparams") instanceof Map<?, ?> sections) {
                sections.forEach((section, names) -> {
                    if (names instanceof Map<?, ?> byName) {
                        byName.keySet().forEach(name -> {
                            Map<String, Object> item = new LinkedHashMap<>();
                            item.put("section", MongoKeys.unescape(String.valueOf(section)));
                            item.put("name", MongoKeys.unescape(String.valueOf(name)));
                            found.put(item.get("section") + "\u0000" + item.get("name"), item);
                        });
                    }
                });
            }
        });
        return pagedWithRemaining(new ArrayList<>(found.values()), body, "parameters");
    }

    /** {@code {total, values}}: distinct values of one hyperparameter, numeric-aware sorted, optionally matched. */
    public Map<String, Object> hyperParamValues(String company, ObjectNode body) {
        String section = Fields.requireString(body, "section");
        String name = Fields.requireString(body, "name");
        String path = "hyperparams." + MongoKeys.escape(section) + "." + MongoKeys.escape(name);
        return distinctValues(Collections.TASKS, multiProject(company, body, path), path + ".value",
                Fields.optString(body, "pattern"), body);
    }

    /** {@code {total, remaining, keys}}: the metadata keys of the models. */
    public Map<String, Object> metadataKeys(String company, ObjectNode body) {
        TreeSet<String> keys = new TreeSet<>();
        scan(Collections.MODELS, singleProject(company, body), "metadata", doc -> {
            if (doc.get("metadata") instanceof Map<?, ?> metadata) {
                metadata.keySet().forEach(k -> keys.add(MongoKeys.unescape(String.valueOf(k))));
            }
        });
        return pagedWithRemaining(new ArrayList<>(keys), body, "keys");
    }

    /** {@code {total, values}}: distinct values of one metadata key. */
    public Map<String, Object> metadataValues(String company, ObjectNode body) {
        String key = Fields.requireString(body, "key");
        String path = "metadata." + MongoKeys.escape(key);
        return distinctValues(Collections.MODELS, multiProject(company, body, path), path + ".value", null, body);
    }

    /** {@code [{metric, metric_hash, variant, variant_hash}]} sorted by metric, variant. */
    public List<Map<String, Object>> metricVariants(String company, ObjectNode body) {
        List<Bson> filter = singleProject(company, body);
        List<String> ids = ReadRequests.optIds(body, "ids");
        if (ids != null) {
            filter.add(Filters.in("_id", ids));
        }
        String collection = Fields.optBool(body, "model_metrics", false) ? Collections.MODELS : Collections.TASKS;
        Map<String, Map<String, Object>> unique = new LinkedHashMap<>();
        scan(collection, filter, "last_metrics", doc -> {
            if (!(doc.get("last_metrics") instanceof Map<?, ?> metrics)) {
                return;
            }
            metrics.forEach((metricHash, variants) -> {
                if (!(variants instanceof Map<?, ?> byVariant)) {
                    return;
                }
                byVariant.forEach((variantHash, event) -> {
                    if (!(event instanceof Map<?, ?> e)) {
                        return;
                    }
                    Map<String, Object> item = new LinkedHashMap<>();
                    item.put("metric", e.get("metric"));
                    item.put("metric_hash", String.valueOf(metricHash));
                    item.put("variant", e.get("variant"));
                    item.put("variant_hash", String.valueOf(variantHash));
                    unique.putIfAbsent(e.get("metric") + "\u0000" + e.get("variant"), item);
                });
            });
        });
        List<Map<String, Object>> out = new ArrayList<>(unique.values());
        out.sort(Comparator.comparing((Map<String, Object> m) -> Objects.toString(m.get("metric"), ""))
                .thenComparing(m -> Objects.toString(m.get("variant"), "")));
        return out;
    }

    private List<Bson> singleProject(String company, ObjectNode body) {
        Scope scope = Scope.withPublic(company);
        List<Bson> filter = new ArrayList<>(List.of(scope.toFilter()));
        String project = Fields.optString(body, "project");
        Bson constraint = ProjectConstraints.forParameters(project == null || project.isEmpty() ? null
                : List.of(project), Fields.optBool(body, "include_subprojects", true), hierarchy, scope);
        if (constraint != null) {
            filter.add(constraint);
        }
        return filter;
    }

    private List<Bson> multiProject(String company, ObjectNode body, String existingPath) {
        Scope scope = new Scope(company, Fields.optBool(body, "allow_public", true));
        List<Bson> filter = new ArrayList<>(List.of(scope.toFilter(), Filters.exists(existingPath)));
        List<String> projects = Fields.optStringList(body, "projects");
        if (projects != null) {
            projects = projects.stream().filter(Objects::nonNull).toList();
        }
        Bson constraint = ProjectConstraints.forParameters(projects,
                Fields.optBool(body, "include_subprojects", true), hierarchy, scope);
        if (constraint != null) {
            filter.add(constraint);
        }
        return filter;
    }

    private void scan(String collection, List<Bson> filter, String field, Consumer<Document> consumer) {
        db.getCollection(collection).find(FilterBuilder.and(filter)).projection(Projections.include(field))
                .forEach(consumer);
    }

    private Map<String, Object> distinctValues(String collection, List<Bson> filter, String valuePath,
                                               String pattern, ObjectNode body) {
        Pattern match = pattern == null || pattern.isEmpty() ? null
                : Pattern.compile(PythonRegex.toJava(pattern), Pattern.CASE_INSENSITIVE);
        TreeSet<String> values = new TreeSet<>(NaturalOrder.INSTANCE);
        String[] parts = valuePath.split("\\.");
        scan(collection, filter, parts[0], doc -> {
            Object value = doc;
            for (String part : parts) {
                value = value instanceof Map<?, ?> map ? map.get(part) : null;
            }
            if (value != null) {
                String text = String.valueOf(WireDocuments.value(value));
                if (match == null || match.matcher(text).find()) {
                    values.add(text);
                }
            }
        });
        List<String> page = page(new ArrayList<>(values), body);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("total", values.size());
        out.put("values", page);
        return out;
    }

    private static Map<String, Object> pagedWithRemaining(List<?> all, ObjectNode body, String key) {
        List<?> page = page(all, body);
        int start = pageNumber(body) * pageSize(body);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("total", all.size());
        out.put("remaining", Math.max(0, all.size() - (start + page.size())));
        out.put(key, page);
        return out;
    }

    private static <T> List<T> page(List<T> all, ObjectNode body) {
        long start = (long) pageNumber(body) * pageSize(body);
        if (start >= all.size()) {
            return List.of();
        }
        return all.subList((int) start, (int) Math.min(all.size(), start + pageSize(body)));
    }

    private static int pageNumber(ObjectNode body) {
        Integer page = Fields.optInt(body, "page");
        return page == null ? 0 : Math.max(0, page);
    }

    private static int pageSize(ObjectNode body) {
        Integer size = Fields.optInt(body, "page_size");
        return size == null ? 500 : Math.max(1, size);
    }
}
