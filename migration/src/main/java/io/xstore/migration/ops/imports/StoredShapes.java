package io.xstore.migration.ops.imports;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a ClearML server's MongoDB documents differ from its API shapes (which this project's messages carry):
 * user-chosen keys (hyperparameter sections and names, configuration names, metadata keys) are stored escaped for
 * MongoDB ({@code .} as {@code %2E}, {@code $} as {@code %24}, {@code __} as {@code %_%_}, a leading {@code _} as
 * {@code %_}, {@code %} as {@code %%}), and {@code execution.artifacts} is stored as a map keyed by a hash of each
 * artifact's key and mode, returned by the API as a list ordered by key and mode.
 */
final class StoredShapes {

    private StoredShapes() {
    }

    static String unescapeKey(String stored) {
        String[] parts = stored.split("%%", -1);
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                key.append('%');
            }
            key.append(parts[i].replace("%2E", ".").replace("%24", "$").replace("%_%_", "__"));
        }
        return key.length() >= 2 && key.charAt(0) == '%' && key.charAt(1) == '_' ? "_" + key.substring(2)
                : key.toString();
    }

    /** {@code map} with its keys unescaped, down {@code depth} levels of nested maps. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> unescapeKeys(Map<String, Object> map, int depth) {
        if (map == null || depth == 0) {
            return map;
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> copy.put(unescapeKey(key), value instanceof Map<?, ?> nested && depth > 1
                ? unescapeKeys((Map<String, Object>) nested, depth - 1) : value));
        return copy;
    }

    /** {@code execution} with its stored artifact map as the API's list (ordered by key, then mode). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> artifactsAsList(Map<String, Object> execution) {
        if (execution == null || !(execution.get("artifacts") instanceof Map<?, ?> stored)) {
            return execution;
        }
        List<Map<String, Object>> artifacts = new ArrayList<>();
        stored.values().forEach(a -> artifacts.add((Map<String, Object>) a));
        artifacts.sort(Comparator.comparing((Map<String, Object> a) -> String.valueOf(a.get("key")))
                .thenComparing(a -> String.valueOf(a.getOrDefault("mode", "output"))));
        Map<String, Object> copy = new LinkedHashMap<>(execution);
        copy.put("artifacts", artifacts);
        return copy;
    }
}
