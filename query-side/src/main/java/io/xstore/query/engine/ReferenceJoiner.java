package io.xstore.query.engine;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Join mode of the {@code *_ex} endpoints: every reference field (docs/api/README.md, Lists) becomes an object,
 * {@code {"id": ..}} ({@code {}} when empty), and the ones named in only_fields ({@code project.name}) are filled
 * with the requested fields of the referenced documents, fetched in one query per reference field (recursively,
 * so {@code parent.project.name} works). Referenced documents outside the caller's scope stay {@code {"id": ..}}.
 */
final class ReferenceJoiner {

    private final ReadModelQuery query;

    ReferenceJoiner(ReadModelQuery query) {
        this.query = query;
    }

    void expand(EntitySpec spec, List<Map<String, Object>> docs, Map<String, List<String>> joins, Scope scope) {
        for (Map.Entry<String, String> ref : spec.references().entrySet()) {
            String path = ref.getKey();
            Map<String, Map<String, Object>> proxies = new HashMap<>();
            for (Map<String, Object> doc : docs) {
                ReferencePaths.replace(doc, path, value -> proxy(value, proxies));
            }
            EntitySpec target = EntitySpecs.byName(ref.getValue());
            List<String> fields = joins.get(path);
            if (fields == null || target == null) {
                continue;
            }
            Set<String> ids = new LinkedHashSet<>(proxies.keySet());
            ids.remove("");
            if (ids.isEmpty()) {
                continue;
            }
            for (Map<String, Object> joined : query.fetchByIds(target, ids, fields, scope)) {
                Map<String, Object> proxy = proxies.get(String.valueOf(joined.get("id")));
                if (proxy != null) {
                    proxy.putAll(joined);
                }
            }
        }
    }

    private static Object proxy(Object value, Map<String, Map<String, Object>> proxies) {
        if (value instanceof Map<?, ?>) {
            return value;
        }
        String id = value == null ? "" : String.valueOf(value);
        return proxies.computeIfAbsent(id, k -> {
            Map<String, Object> proxy = new LinkedHashMap<>();
            if (!k.isEmpty()) {
                proxy.put("id", k);
            }
            return proxy;
        });
    }
}
