package io.xstore.query.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.model.Filters;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The UI's structured list filter: {@code {"any": {"include": [..], "exclude": [..]}, "all": {..}, "op": "and"|"or"}}.
 * "any" ORs its parts (include: contains any; exclude: lacks at least one), "all" ANDs them (include: contains
 * all; exclude: contains none); {@code op} combines the two groups (default and). A {@code null} value stands for
 * "empty" (here also matching a missing field, where the reference only matches an empty list).
 */
final class StructuredListFilter {

    private StructuredListFilter() {
    }

    static Bson build(String field, JsonNode data) {
        if (data == null || data.isNull() || (data.isObject() && data.isEmpty())) {
            return Filters.empty();
        }
        if (!data.isObject()) {
            throw QueryErrors.validation("invalid filter for field, dictionary expected",
                    Map.of("field", field, "value", data.toString()));
        }
        var names = data.fieldNames();
        while (names.hasNext()) {
            String key = names.next();
            if (!Set.of("any", "all", "op").contains(key)) {
                throw QueryErrors.validation("unexpected key in filter", Map.of("field", field, "value", key));
            }
        }
        String op = data.path("op").isMissingNode() || data.path("op").isNull() ? "and" : data.path("op").asText();
        if (!op.equals("and") && !op.equals("or")) {
            throw QueryErrors.validation("Invalid list query filter operator", Map.of("field", field, "value", op));
        }
        String path = FieldPaths.toMongo(field);
        List<Bson> groups = new ArrayList<>();
        Bson any = group(field, path, data.get("any"), false);
        if (any != null) {
            groups.add(any);
        }
        Bson all = group(field, path, data.get("all"), true);
        if (all != null) {
            groups.add(all);
        }
        if (groups.isEmpty()) {
            return Filters.empty();
        }
        if (groups.size() == 1) {
            return groups.get(0);
        }
        return op.equals("and") ? Filters.and(groups) : Filters.or(groups);
    }

    private static Bson group(String field, String path, JsonNode spec, boolean all) {
        if (spec == null || spec.isNull()) {
            return null;
        }
        if (!spec.isObject()) {
            throw QueryErrors.validation("invalid filter for field, dictionary expected",
                    Map.of("field", field, "value", spec.toString()));
        }
        List<Bson> parts = new ArrayList<>();
        addPart(parts, field, path, spec.get("include"), true, all);
        addPart(parts, field, path, spec.get("exclude"), false, all);
        if (parts.isEmpty()) {
            return null;
        }
        if (parts.size() == 1) {
            return parts.get(0);
        }
        return all ? Filters.and(parts) : Filters.or(parts);
    }

    private static void addPart(List<Bson> parts, String field, String path, JsonNode values, boolean include,
                                boolean all) {
        if (values == null || values.isNull()) {
            return;
        }
        Set<String> unique = new LinkedHashSet<>();
        boolean empty = false;
        for (JsonNode value : JsonValues.items(values)) {
            if (value.isNull()) {
                empty = true;
            } else if (value.isValueNode()) {
                unique.add(value.asText());
            } else {
                throw QueryErrors.validation("invalid filter value", Map.of("field", field, "value", value.toString()));
            }
        }
        if (empty) {
            Bson isEmpty = Filters.or(Filters.exists(path, false), Filters.size(path, 0));
            parts.add(include ? isEmpty : Filters.nor(isEmpty));
        }
        if (unique.isEmpty()) {
            return;
        }
        if (include) {
            parts.add(all ? Filters.all(path, unique) : Filters.in(path, unique));
        } else {
            parts.add(all ? Filters.nin(path, unique) : Filters.not(Filters.all(path, unique)));
        }
    }
}
