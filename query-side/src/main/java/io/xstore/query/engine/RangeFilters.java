package io.xstore.query.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.model.Filters;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Range fields ({@code [min, max]}, inclusive, a null min also matching a missing value) and datetime fields
 * (items with an optional {@code >}, {@code >=}, {@code <}, {@code <=} prefix, or a plain two-item range).
 */
final class RangeFilters {

    private static final Pattern COMPARISON = Pattern.compile("^(>=|>|<=|<)?(.*)$", Pattern.DOTALL);

    private RangeFilters() {
    }

    static Bson range(EntitySpec spec, String field, JsonNode data) {
        if (data == null || !data.isArray() || data.size() != 2) {
            throw QueryErrors.validation("Min and max values should be specified for range field " + field,
                    Map.of("field", field));
        }
        Object min = bound(spec, field, data.get(0));
        Object max = bound(spec, field, data.get(1));
        if (min == null && max == null) {
            throw QueryErrors.validation(
                    "At least one of min or max values should be provided for field " + field, Map.of("field", field));
        }
        String path = FieldPaths.toMongo(field);
        List<Bson> conditions = new ArrayList<>();
        if (min != null) {
            conditions.add(Filters.gte(path, min));
        }
        if (max != null) {
            conditions.add(Filters.lte(path, max));
        }
        Bson range = conditions.size() == 1 ? conditions.get(0) : Filters.and(conditions);
        return min == null ? Filters.or(range, Filters.eq(path, null)) : range;
    }

    static Bson datetime(EntitySpec spec, String field, JsonNode data) {
        List<JsonNode> items = JsonValues.items(data);
        if (items.size() == 2 && items.stream().noneMatch(RangeFilters::hasComparison)) {
            return range(spec, field, data.isArray() ? data : null);
        }
        String path = FieldPaths.toMongo(field);
        List<Bson> conditions = new ArrayList<>();
        for (JsonNode item : items) {
            if (item.isNull()) {
                continue;
            }
            Matcher m = COMPARISON.matcher(item.asText());
            if (!m.matches()) {
                continue;
            }
            Date value = FilterDates.parse(item.isNumber() ? JsonValues.plain(item) : m.group(2));
            if (value == null) {
                continue;
            }
            String prefix = m.group(1);
            conditions.add(prefix == null ? Filters.eq(path, value) : switch (prefix) {
                case ">=" -> Filters.gte(path, value);
                case ">" -> Filters.gt(path, value);
                case "<=" -> Filters.lte(path, value);
                default -> Filters.lt(path, value);
            });
        }
        if (conditions.isEmpty()) {
            return Filters.empty();
        }
        return conditions.size() == 1 ? conditions.get(0) : Filters.and(conditions);
    }

    private static boolean hasComparison(JsonNode item) {
        if (item == null || !item.isTextual()) {
            return false;
        }
        String s = item.textValue();
        return s.startsWith(">") || s.startsWith("<");
    }

    private static Object bound(EntitySpec spec, String field, JsonNode node) {
        Object value = JsonValues.plain(node);
        if (value == null) {
            return null;
        }
        if (spec.isDateField(field)) {
            Date date = FilterDates.parse(value);
            if (date == null) {
                throw QueryErrors.fieldsValue("failed parsing query field", Map.of("field", field,
                        "value", String.valueOf(value)));
            }
            return date;
        }
        if (field.startsWith("last_metrics.")) {
            return Numbers.numericIfPossible(value);
        }
        return value;
    }
}
