package io.xstore.query.events;

import co.elastic.clients.elasticsearch._types.FieldValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.util.ArrayList;
import java.util.List;

/** The sort values of a hit (a search_after position) as JSON inside a scroll token, and back. */
final class SortValues {

    private SortValues() {
    }

    static ArrayNode toJson(List<FieldValue> values) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        for (FieldValue value : values) {
            if (value.isLong()) {
                array.add(value.longValue());
            } else if (value.isDouble()) {
                array.add(value.doubleValue());
            } else if (value.isString()) {
                array.add(value.stringValue());
            } else if (value.isBoolean()) {
                array.add(value.booleanValue());
            } else {
                array.addNull();
            }
        }
        return array;
    }

    /** @throws IllegalArgumentException for JSON that is not a list of plain values */
    static List<FieldValue> fromJson(JsonNode array) {
        if (array == null || array.isNull()) {
            return null;
        }
        if (!array.isArray()) {
            throw new IllegalArgumentException("sort values must be a list");
        }
        List<FieldValue> values = new ArrayList<>();
        for (JsonNode node : array) {
            if (node.isIntegralNumber()) {
                values.add(FieldValue.of(node.longValue()));
            } else if (node.isNumber()) {
                values.add(FieldValue.of(node.doubleValue()));
            } else if (node.isTextual()) {
                values.add(FieldValue.of(node.textValue()));
            } else if (node.isBoolean()) {
                values.add(FieldValue.of(node.booleanValue()));
            } else if (node.isNull()) {
                values.add(FieldValue.NULL);
            } else {
                throw new IllegalArgumentException("sort values must be plain values");
            }
        }
        return values;
    }
}
