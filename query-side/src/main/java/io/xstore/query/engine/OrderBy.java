package io.xstore.query.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.model.Sorts;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code order_by}: a list (or one string) of field paths, {@code -} for descending. {@code id} is appended so that
 * paging is stable. {@code @text_score} is accepted with {@code search_text} and ignored (no text index here).
 * Numeric ordering of user-defined fields is applied by {@link NumericOrdering}.
 */
public final class OrderBy {

    private final List<SortKey> keys;

    private OrderBy(List<SortKey> keys) {
        this.keys = keys;
    }

    public static OrderBy parse(EntitySpec spec, ObjectNode body) {
        JsonNode node = body.get("order_by");
        List<SortKey> keys = new ArrayList<>();
        if (!JsonValues.truthy(node)) {
            return new OrderBy(keys);
        }
        boolean searchText = JsonValues.truthy(body.get("search_text"));
        List<String> invalid = new ArrayList<>();
        boolean hasId = false;
        for (JsonNode item : JsonValues.items(node)) {
            if (!item.isTextual()) {
                throw QueryErrors.validation("order_by must be a list of strings", Map.of("field", "order_by"));
            }
            String text = item.textValue();
            if (text.equals("@text_score") || text.equals("-@text_score")) {
                if (!searchText) {
                    throw QueryErrors.fieldsValue(
                            "text score cannot be used in order_by when search text is not used", Map.of());
                }
                continue;
            }
            boolean ascending = !text.startsWith("-");
            String field = ascending ? text : text.substring(1);
            if (field.isEmpty() || !spec.isKnownTopLevel(FieldPaths.topLevel(field))) {
                invalid.add(text);
                continue;
            }
            hasId |= field.equals("id");
            keys.add(new SortKey(field, FieldPaths.toMongo(field), ascending));
        }
        if (!invalid.isEmpty()) {
            throw QueryErrors.invalidFields(invalid, spec.name());
        }
        if (!keys.isEmpty() && !hasId) {
            keys.add(new SortKey("id", "_id", true));
        }
        return new OrderBy(keys);
    }

    public static OrderBy of(SortKey... keys) {
        return new OrderBy(List.of(keys));
    }

    public List<SortKey> keys() {
        return keys;
    }

    public boolean isEmpty() {
        return keys.isEmpty();
    }

    public Bson toSort() {
        if (keys.isEmpty()) {
            return null;
        }
        return Sorts.orderBy(keys.stream()
                .map(k -> k.ascending() ? Sorts.ascending(k.mongoPath()) : Sorts.descending(k.mongoPath()))
                .toList());
    }
}
