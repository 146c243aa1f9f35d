package io.xstore.migration.ops.imports;

import org.bson.Document;
import org.bson.types.ObjectId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** MongoDB documents of the source as the plain JSON-like values this project's messages carry. */
final class Bson {

    private Bson() {
    }

    /** Dates become ISO strings, object ids hex strings, documents ordered maps. */
    @SuppressWarnings("unchecked")
    static Object plain(Object value) {
        if (value instanceof Document document) {
            Map<String, Object> map = new LinkedHashMap<>();
            document.forEach((key, v) -> map.put(key, plain(v)));
            return map;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, v) -> copy.put(String.valueOf(key), plain(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(v -> copy.add(plain(v)));
            return copy;
        }
        if (value instanceof Date date) {
            return date.toInstant().toString();
        }
        if (value instanceof ObjectId id) {
            return id.toHexString();
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Document doc, String field) {
        Object value = doc.get(field);
        return value instanceof Document || value instanceof Map<?, ?> ? (Map<String, Object>) plain(value) : null;
    }

    @SuppressWarnings("unchecked")
    static List<String> strings(Document doc, String field) {
        Object value = doc.get(field);
        if (!(value instanceof List<?> list)) {
            return null;
        }
        List<String> strings = new ArrayList<>();
        list.forEach(v -> strings.add(String.valueOf(v)));
        return strings;
    }

    static String id(Document doc) {
        Object id = doc.get("_id");
        return id instanceof ObjectId objectId ? objectId.toHexString() : String.valueOf(id);
    }

    static Instant time(Document doc, String field) {
        Object value = doc.get(field);
        if (value instanceof Date date) {
            return date.toInstant();
        }
        if (value instanceof String text && !text.isBlank()) {
            try {
                return Instant.parse(text.endsWith("Z") || text.contains("+") ? text : text + "Z");
            } catch (RuntimeException e) {
                return null;
            }
        }
        return null;
    }
}
