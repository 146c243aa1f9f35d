package io.xstore.query.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.model.Filters;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A list-field filter (docs/api/README.md, Lists): a value or list of values matched with "in". Operator items switch
 * the mode for the values after them: {@code __$all}/{@code __$and} (must contain all), {@code __$any}/{@code __$or}
 * (any), {@code __$not} (negate the next value), {@code __$nop} (back to the default). A leading {@code -} excludes a
 * value until the first operator. {@code null} also matches a missing or empty field. The groups are AND-ed, unless the
 * list starts with an operator, which then combines them.
 */
final class ListFieldFilter {

    private static final String OP_PREFIX = "__$";
    private static final String NOT = "__$not";
    private static final String RESET = "__$nop";
    private static final Map<String, Boolean> OPERATORS = Map.of(
            "__$all", true, "__$and", true, "__$any", false, "__$or", false);

    private final String field;
    private final Map<String, Set<String>> actions = new LinkedHashMap<>();
    private Boolean globalAnd;
    private boolean allowEmpty;

    private ListFieldFilter(String field) {
        this.field = field;
    }

    static Bson build(String field, JsonNode data) {
        ListFieldFilter filter = new ListFieldFilter(field);
        filter.parse(JsonValues.items(data));
        return filter.toBson();
    }

    private void parse(List<JsonNode> items) {
        boolean andContext = false;
        boolean legacy = true;
        String pendingUnary = null;
        for (JsonNode item : items) {
            if (item == null || item.isNull()) {
                pendingUnary = null;
                defaultGlobal();
                allowEmpty = true;
                continue;
            }
            if (!item.isTextual()) {
                throw QueryErrors.fieldsValue("invalid value type, string expected",
                        Map.of("field", field, "value", item.toString()));
            }
            String value = item.textValue();
            if (RESET.equals(value)) {
                pendingUnary = null;
                defaultGlobal();
                andContext = false;
                legacy = true;
                continue;
            }
            if (value.startsWith(OP_PREFIX)) {
                if (pendingUnary != null) {
                    throw QueryErrors.fieldsValue("Value is expected after",
                            Map.of("field", field, "operator", pendingUnary));
                }
                if (NOT.equals(value)) {
                    pendingUnary = value;
                    continue;
                }
                Boolean isAnd = OPERATORS.get(value);
                if (isAnd == null) {
                    throw QueryErrors.fieldsValue("Unsupported operator", Map.of("field", field, "operator", value));
                }
                andContext = isAnd;
                legacy = false;
                if (globalAnd == null) {
                    globalAnd = isAnd;
                }
                continue;
            }
            boolean include = true;
            if (pendingUnary == null && legacy && value.startsWith("-")) {
                value = value.substring(1);
                if (value.isEmpty()) {
                    throw QueryErrors.fieldsValue("Missing value after the exclude prefix -",
                            Map.of("field", field, "value", value));
                }
                include = false;
            } else if (pendingUnary != null) {
                include = false;
                pendingUnary = null;
            }
            defaultGlobal();
            String action = include ? (andContext ? "$all" : "$in") : "$nin";
            actions.computeIfAbsent(action, k -> new LinkedHashSet<>()).add(value);
        }
        if (pendingUnary != null) {
            throw QueryErrors.fieldsValue("Value is expected after", Map.of("field", field, "operator", pendingUnary));
        }
        defaultGlobal();
    }

    private void defaultGlobal() {
        if (globalAnd == null) {
            globalAnd = true;
        }
    }

    private Bson toBson() {
        String path = FieldPaths.toMongo(field);
        List<Bson> parts = new ArrayList<>();
        actions.forEach((action, values) -> parts.add(switch (action) {
            case "$all" -> Filters.all(path, values);
            case "$in" -> Filters.in(path, values);
            default -> Filters.nin(path, values);
        }));
        Bson combined = parts.isEmpty() ? null
                : parts.size() == 1 ? parts.get(0)
                : Boolean.TRUE.equals(globalAnd) ? Filters.and(parts) : Filters.or(parts);
        if (!allowEmpty) {
            return combined == null ? Filters.empty() : combined;
        }
        List<Bson> alternatives = new ArrayList<>();
        if (combined != null) {
            alternatives.add(combined);
        }
        alternatives.add(Filters.exists(path, false));
        alternatives.add(Filters.eq(path, List.of()));
        alternatives.add(Filters.eq(path, null));
        return Filters.or(alternatives);
    }
}
