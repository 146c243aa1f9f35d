package io.xstore.query.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.model.Filters;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Translates the filter keys of a get_all request body into one MongoDB filter (docs/api/README.md, Lists). Keys are
 * taken in the reference's order — structured {@code filters}, pattern, list, range, equality and datetime fields, then
 * {@code _any_}/{@code _all_} and {@code search_text} — and a key used by one kind is not used again. Keys that are no
 * filter of the entity are ignored. Company scope and visibility are added by the caller.
 */
public final class FilterBuilder {

    private static final List<String> ANY_KEYS = List.of("_any_", "_or_");
    private static final List<String> ALL_KEYS = List.of("_all_", "_and_");

    private final EntitySpec spec;
    private final ObjectNode body;
    private final Set<String> used = new HashSet<>();
    private final List<Bson> conditions = new ArrayList<>();

    private FilterBuilder(EntitySpec spec, ObjectNode body) {
        this.spec = spec;
        this.body = body;
    }

    public static Bson build(EntitySpec spec, ObjectNode body) {
        FilterBuilder builder = new FilterBuilder(spec, body);
        builder.structuredFilters();
        builder.patternFields();
        builder.keyed(spec.listFields(), ListFieldFilter::build);
        builder.keyed(spec.rangeFields(), (field, value) -> RangeFilters.range(spec, field, value));
        builder.keyed(spec.equalityFields(),
                (field, value) -> Filters.eq(FieldPaths.toMongo(field), JsonValues.plain(value)));
        builder.keyed(spec.datetimeFields(), (field, value) -> RangeFilters.datetime(spec, field, value));
        builder.multiField();
        builder.searchText();
        return and(builder.conditions);
    }

    /**
     * One list-field condition given as a plain list (value semantics of get_all) or as a structured
     * {@code {any, all, op}} object; used for the stats/children filters of projects.get_all_ex.
     */
    public static Bson fieldFilter(String field, JsonNode value) {
        if (value == null || !(value.isArray() || value.isObject()) || value.isEmpty()) {
            throw QueryErrors.validation("Non empty list or dictionary expected for the field: " + field,
                    Map.of("field", field));
        }
        return value.isObject() ? StructuredListFilter.build(field, value) : ListFieldFilter.build(field, value);
    }

    /** A Python-syntax regex condition (400/21 when malformed). */
    public static Bson regex(String field, String pythonPattern, boolean ignoreCase) {
        String java = PythonRegex.toJava(pythonPattern);
        return ignoreCase ? Filters.regex(FieldPaths.toMongo(field), java, "i")
                : Filters.regex(FieldPaths.toMongo(field), java);
    }

    /** ANDs conditions, leaving out empty ones. */
    public static Bson and(List<Bson> parts) {
        List<Bson> real = parts.stream().filter(b -> b != null && !b.toBsonDocument().isEmpty()).toList();
        if (real.isEmpty()) {
            return Filters.empty();
        }
        return real.size() == 1 ? real.get(0) : Filters.and(real);
    }

    private void structuredFilters() {
        JsonNode filters = body.get("filters");
        if (filters == null || filters.isNull()) {
            return;
        }
        if (!filters.isObject()) {
            throw QueryErrors.fieldsValue("invalid value type, object expected",
                    Map.of("field", "filters", "value", filters.toString()));
        }
        filters.fields().forEachRemaining(e -> {
            if (EntitySpec.matches(spec.listFields(), e.getKey()) && !e.getValue().isNull()) {
                conditions.add(StructuredListFilter.build(e.getKey(), e.getValue()));
                used.add(e.getKey());
            }
        });
    }

    private void patternFields() {
        for (String field : spec.patternFields()) {
            JsonNode value = body.get(field);
            if (used.contains(field) || !JsonValues.truthy(value)) {
                continue;
            }
            used.add(field);
            String path = FieldPaths.toMongo(field);
            if (value.isTextual()) {
                conditions.add(Filters.regex(path, PythonRegex.toJava(value.textValue())));
            } else if (value.isArray()) {
                List<Bson> any = new ArrayList<>();
                for (JsonNode item : value) {
                    if (!item.isTextual()) {
                        throw QueryErrors.fieldsValue("invalid value type, string expected",
                                Map.of("field", field, "value", item.toString()));
                    }
                    any.add(Filters.regex(path, PythonRegex.toJava(item.textValue())));
                }
                conditions.add(any.size() == 1 ? any.get(0) : Filters.or(any));
            } else {
                throw QueryErrors.fieldsValue("invalid value type, string expected",
                        Map.of("field", field, "value", value.toString()));
            }
        }
    }

    private interface FieldFilter {
        Bson build(String field, JsonNode value);
    }

    private void keyed(List<String> patterns, FieldFilter filter) {
        Iterator<Map.Entry<String, JsonNode>> fields = body.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> e = fields.next();
            String field = e.getKey();
            if (used.contains(field) || e.getValue().isNull() || !EntitySpec.matches(patterns, field)) {
                continue;
            }
            used.add(field);
            conditions.add(filter.build(field, e.getValue()));
        }
    }

    private void multiField() {
        for (String key : concat(ANY_KEYS, ALL_KEYS)) {
            JsonNode value = body.get(key);
            if (value == null || value.isNull()) {
                continue;
            }
            boolean any = ANY_KEYS.contains(key);
            JsonNode fields = value.get("fields");
            JsonNode pattern = value.get("pattern");
            JsonNode datetime = value.get("datetime");
            boolean hasPattern = pattern != null && !pattern.isNull();
            boolean hasDatetime = datetime != null && !datetime.isNull();
            if (!value.isObject() || fields == null || !fields.isArray() || hasPattern == hasDatetime) {
                throw QueryErrors.fieldsValue("incorrect field format", Map.of("field", key));
            }
            List<Bson> parts = new ArrayList<>();
            for (JsonNode f : fields) {
                String field = f.asText();
                if (hasPattern) {
                    parts.add(Filters.regex(FieldPaths.toMongo(field), PythonRegex.toJava(pattern.asText()), "i"));
                } else if (spec.datetimeFields().contains(field)) {
                    parts.add(RangeFilters.datetime(spec, field, datetime));
                }
            }
            if (!parts.isEmpty()) {
                conditions.add(parts.size() == 1 ? parts.get(0) : any ? Filters.or(parts) : Filters.and(parts));
            }
        }
    }

    /**
     * The reference uses a MongoDB text index; the embedded server has none, so any whitespace-separated term
     * found (case-insensitively, as a substring) in any of the entity's text fields matches.
     */
    private void searchText() {
        JsonNode value = body.get("search_text");
        if (!JsonValues.truthy(value) || !value.isTextual()) {
            return;
        }
        List<Bson> any = new ArrayList<>();
        for (String term : value.textValue().trim().split("\\s+")) {
            String quoted = Pattern.quote(term.replace("\"", ""));
            for (String field : spec.searchTextFields()) {
                any.add(Filters.regex(FieldPaths.toMongo(field), quoted, "i"));
            }
        }
        if (!any.isEmpty()) {
            conditions.add(Filters.or(any));
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
