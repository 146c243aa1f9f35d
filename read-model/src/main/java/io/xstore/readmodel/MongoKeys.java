package io.xstore.readmodel;

import org.bson.Document;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * User-chosen names (hyperparameter sections and names, configuration names, runtime keys, labels, metadata keys)
 * may contain {@code .} and {@code $}, which MongoDB cannot address in field paths. Read models store every key
 * escaped ({@code %} → {@code %25}, {@code .} → {@code %2E}, {@code $} → {@code %24}) and the query side unescapes
 * them. Field paths in filters are escaped part by part with {@link #escapePath}.
 */
public final class MongoKeys {

    private MongoKeys() {
    }

    public static String escape(String key) {
        if (key.indexOf('%') < 0 && key.indexOf('.') < 0 && key.indexOf('$') < 0) {
            return key;
        }
        return key.replace("%", "%25").replace(".", "%2E").replace("$", "%24");
    }

    public static String unescape(String key) {
        if (key.indexOf('%') < 0) {
            return key;
        }
        return key.replace("%2E", ".").replace("%24", "$").replace("%25", "%");
    }

    /** Escapes each part of an already split field path and joins them with dots. */
    public static String escapePath(List<String> parts) {
        return String.join(".", parts.stream().map(MongoKeys::escape).toList());
    }

    /** A deep copy of a map or list tree with every map key escaped, ready to store. */
    public static Document toMongo(Map<String, ?> value) {
        Document out = new Document();
        value.forEach((k, v) -> out.put(escape(k), toMongoValue(v)));
        return out;
    }

    @SuppressWarnings("unchecked")
    public static Object toMongoValue(Object value) {
        if (value instanceof Map<?, ?> map) {
            return toMongo((Map<String, ?>) map);
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(item -> out.add(toMongoValue(item)));
            return out;
        }
        return value;
    }

    /** A deep copy of a stored tree with every map key unescaped. */
    public static Map<String, Object> fromMongo(Map<String, ?> value) {
        Map<String, Object> out = new LinkedHashMap<>();
        value.forEach((k, v) -> out.put(unescape(k), fromMongoValue(v)));
        return out;
    }

    @SuppressWarnings("unchecked")
    public static Object fromMongoValue(Object value) {
        if (value instanceof Map<?, ?> map) {
            return fromMongo((Map<String, ?>) map);
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(item -> out.add(fromMongoValue(item)));
            return out;
        }
        return value;
    }
}
