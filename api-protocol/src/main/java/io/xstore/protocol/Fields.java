package io.xstore.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Typed, validating access to request fields; every violation is a 400 envelope with a clear message. */
public final class Fields {

    private Fields() {
    }

    public static String requireString(ObjectNode body, String field) {
        String value = optString(body, field);
        if (value == null || value.isEmpty()) {
            throw ApiError.VALIDATION_ERROR.toException("field is required", Map.of("field", field));
        }
        return value;
    }

    public static String optString(ObjectNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw wrongType(field, "a string");
        }
        return node.asText();
    }

    public static boolean optBool(ObjectNode body, String field, boolean fallback) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isTextual() && ("true".equalsIgnoreCase(node.asText()) || "false".equalsIgnoreCase(node.asText()))) {
            return Boolean.parseBoolean(node.asText());
        }
        throw wrongType(field, "a boolean");
    }

    public static Integer optInt(ObjectNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isNumber() && node.asDouble() == Math.rint(node.asDouble())) {
            return node.asInt();
        }
        if (node.isTextual()) {
            try {
                return Integer.parseInt(node.asText());
            } catch (NumberFormatException ignored) {
                // falls through to the type error
            }
        }
        throw wrongType(field, "an integer");
    }

    /** A string or a list of strings, as ClearML accepts for list filters; null when absent. */
    public static List<String> optStringList(ObjectNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        List<String> values = new ArrayList<>();
        if (node.isArray()) {
            for (JsonNode item : node) {
                if (!item.isNull() && !item.isValueNode()) {
                    throw wrongType(field, "a list of strings");
                }
                values.add(item.isNull() ? null : item.asText());
            }
        } else if (node.isValueNode()) {
            values.add(node.asText());
        } else {
            throw wrongType(field, "a list of strings");
        }
        return values;
    }

    public static ObjectNode optObject(ObjectNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw wrongType(field, "an object");
        }
        return (ObjectNode) node;
    }

    public static ApiException wrongType(String field, String expected) {
        return ApiError.VALIDATION_ERROR.toException("must be " + expected, Map.of("field", field));
    }
}
