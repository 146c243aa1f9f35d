package io.xstore.query.engine;

import io.xstore.protocol.WireDates;
import io.xstore.readmodel.MongoKeys;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns a stored read-model document into its wire shape: {@code _id} becomes {@code id}, other {@code _}-prefixed
 * keys are internal and dropped, top-level nulls are left out (the reference never stores unset fields), dates
 * become ISO-8601 strings, escaped map keys are unescaped, tags are sorted and task artifacts are a list sorted by
 * key,
 * each with a {@code display_data} list ({@code []} when absent).
 */
public final class WireDocuments {

    private WireDocuments() {
    }

    public static Map<String, Object> render(Map<String, ?> stored) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (stored.containsKey("_id")) {
            out.put("id", value(stored.get("_id")));
        }
        stored.forEach((key, v) -> {
            if (v != null && !key.startsWith("_") && !(key.equals("id") && out.containsKey("id"))) {
                out.put(MongoKeys.unescape(key), value(v));
            }
        });
        sortTags(out, "tags");
        sortTags(out, "system_tags");
        artifactsAsSortedList(out);
        lastMetricsSorted(out);
        return out;
    }

    /** {@code last_metrics} keys (md5 of metric, then of variant) ascending (docs/api/behaviour-rules.md §2). */
    @SuppressWarnings("unchecked")
    private static void lastMetricsSorted(Map<String, Object> doc) {
        if (!(doc.get("last_metrics") instanceof Map<?, ?> metrics)) {
            return;
        }
        Map<String, Object> sorted = new java.util.TreeMap<>();
        ((Map<String, Object>) metrics).forEach((metric, variants) -> sorted.put(metric,
                variants instanceof Map<?, ?> byVariant ? new java.util.TreeMap<>((Map<String, Object>) byVariant)
                        : variants));
        doc.put("last_metrics", new LinkedHashMap<>(sorted));
    }

    /** A stored value in wire form (recursively). */
    public static Object value(Object v) {
        if (v instanceof Date date) {
            return WireDates.format(date);
        }
        if (v instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, item) -> out.put(MongoKeys.unescape(String.valueOf(k)), value(item)));
            return out;
        }
        if (v instanceof Collection<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(item -> out.add(value(item)));
            return out;
        }
        if (v instanceof ObjectId id) {
            return id.toHexString();
        }
        if (v instanceof Decimal128 decimal) {
            return decimal.bigDecimalValue();
        }
        return v;
    }

    @SuppressWarnings("unchecked")
    private static void sortTags(Map<String, Object> doc, String field) {
        if (doc.get(field) instanceof List<?> tags && !tags.isEmpty()) {
            List<Object> sorted = new ArrayList<>((List<Object>) tags);
            sorted.sort(Comparator.comparing(String::valueOf));
            doc.put(field, sorted);
        }
    }

    @SuppressWarnings("unchecked")
    private static void artifactsAsSortedList(Map<String, Object> doc) {
        if (!(doc.get("execution") instanceof Map<?, ?> execution)) {
            return;
        }
        Object artifacts = execution.get("artifacts");
        List<Object> list;
        if (artifacts instanceof Map<?, ?> byKey) {
            list = new ArrayList<>(byKey.values());
        } else if (artifacts instanceof List<?> items) {
            list = new ArrayList<>(items);
        } else {
            return;
        }
        list.sort(Comparator.comparing(a -> a instanceof Map<?, ?> m ? Objects.toString(m.get("key"), "") : ""));
        for (Object artifact : list) {
            // the reference web UI iterates display_data without a null check (docs/api/behaviour-rules.md §9)
            if (artifact instanceof Map<?, ?> item && item.get("display_data") == null) {
                ((Map<String, Object>) item).put("display_data", List.of());
            }
        }
        ((Map<String, Object>) execution).put("artifacts", list);
    }
}
