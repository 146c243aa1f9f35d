package io.xstore.query.history;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The difference of two wire-shaped documents as a list of {@link Change}s (docs/api/history.md): maps are compared
 * key by key down to the values that differ; lists of objects that carry a distinct {@code key} (artifacts),
 * {@code name} (models) or {@code id} are compared item by item ({@code execution.artifacts[model.pkl]}); any other
 * list (tags) is one value.
 */
final class Changes {

    private static final List<String> ITEM_KEYS = List.of("key", "name", "id");

    private Changes() {
    }

    /** What changed from {@code a} to {@code b} (either may be null: absent); {@code skipNoise}: not the noise. */
    static List<Change> between(Map<String, ?> a, Map<String, ?> b, boolean skipNoise) {
        List<Change> out = new ArrayList<>();
        Map<String, ?> before = a == null ? Map.of() : a;
        Map<String, ?> after = b == null ? Map.of() : b;
        Set<String> keys = new LinkedHashSet<>(before.keySet());
        keys.addAll(after.keySet());
        for (String key : keys) {
            if (!skipNoise || !HistoryEntity.NOISE.contains(key)) {
                diff(key, before.get(key), after.get(key), out);
            }
        }
        return out;
    }

    /**
     * Several consecutive steps' changes as one: per field, the value before the first change and after the last;
     * fields that came back to where they were are left out.
     */
    static List<Change> compose(List<List<Change>> steps) {
        Map<String, Object[]> byField = new LinkedHashMap<>();
        for (List<Change> changes : steps) {
            for (Change change : changes) {
                Object[] span = byField.computeIfAbsent(change.field(), f -> new Object[]{change.before(), null});
                span[1] = change.after();
            }
        }
        List<Change> out = new ArrayList<>();
        byField.forEach((field, span) -> {
            if (!Objects.equals(span[0], span[1])) {
                out.add(new Change(field, span[0], span[1]));
            }
        });
        return out;
    }

    @SuppressWarnings("unchecked")
    private static void diff(String path, Object a, Object b, List<Change> out) {
        if (Objects.equals(a, b)) {
            return;
        }
        // an absent container (hyperparams, a section, a list of artifacts) compares as an empty one, so an added
        // parameter is hyperparams.Args.lr rather than all of hyperparams
        if (a == null && (container(b) || keyedList(b))) {
            a = b instanceof Map<?, ?> ? Map.of() : List.of();
        } else if (b == null && (container(a) || keyedList(a))) {
            b = a instanceof Map<?, ?> ? Map.of() : List.of();
        }
        if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
            Set<Object> keys = new LinkedHashSet<>(x.keySet());
            keys.addAll(y.keySet());
            for (Object key : keys) {
                diff(path + "." + key, x.get(key), y.get(key), out);
            }
            return;
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            String itemKey = itemKey(x, y);
            if (itemKey != null) {
                Map<String, Object> before = byKey((List<Map<String, Object>>) x, itemKey);
                Map<String, Object> after = byKey((List<Map<String, Object>>) y, itemKey);
                Set<String> keys = new LinkedHashSet<>(before.keySet());
                keys.addAll(after.keySet());
                for (String key : keys) {
                    Object was = before.get(key);
                    Object now = after.get(key);
                    if (was != null && now != null) {
                        diff(path + "[" + key + "]", was, now, out);
                    } else if (!Objects.equals(was, now)) {
                        out.add(new Change(path + "[" + key + "]", was, now));
                    }
                }
                return;
            }
        }
        out.add(new Change(path, a, b));
    }

    /** A non-empty map of maps: named things (sections, parameters, metrics), not a record of values. */
    private static boolean container(Object value) {
        return value instanceof Map<?, ?> map && !map.isEmpty()
                && map.values().stream().allMatch(v -> v instanceof Map<?, ?>);
    }

    private static boolean keyedList(Object value) {
        return value instanceof List<?> list && !list.isEmpty() && itemKey(list, List.of()) != null;
    }

    /** The field identifying the items of both lists, if every item is an object with a distinct value of it. */
    private static String itemKey(List<?> a, List<?> b) {
        if (a.isEmpty() && b.isEmpty() || a.stream().anyMatch(i -> !(i instanceof Map<?, ?>))
                || b.stream().anyMatch(i -> !(i instanceof Map<?, ?>))) {
            return null;
        }
        for (String key : ITEM_KEYS) {
            if (distinct(a, key) && distinct(b, key)) {
                return key;
            }
        }
        return null;
    }

    private static boolean distinct(List<?> items, String key) {
        Set<Object> seen = new LinkedHashSet<>();
        for (Object item : items) {
            if (!(item instanceof Map<?, ?> map) || map.get(key) == null || !seen.add(label(map, key))) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, Object> byKey(List<Map<String, Object>> items, String key) {
        Map<String, Object> out = new LinkedHashMap<>();
        items.forEach(item -> out.put(label(item, key), item));
        return out;
    }

    /** An artifact is known by key and mode; the mode is shown only when it is not the usual {@code output}. */
    private static String label(Map<?, ?> item, String key) {
        String label = String.valueOf(item.get(key));
        Object mode = item.get("mode");
        return "key".equals(key) && mode != null && !"output".equals(mode) ? label + " (" + mode + ")" : label;
    }
}
