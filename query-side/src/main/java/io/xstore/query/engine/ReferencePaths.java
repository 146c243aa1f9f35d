package io.xstore.query.engine;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Rewrites the value at a dotted path of a wire document, through nested maps and lists. */
final class ReferencePaths {

    private ReferencePaths() {
    }

    static void replace(Map<String, Object> doc, String path, UnaryOperator<Object> replacement) {
        replace(doc, path.split("\\."), 0, replacement);
    }

    @SuppressWarnings("unchecked")
    private static void replace(Object node, String[] parts, int index, UnaryOperator<Object> replacement) {
        if (node instanceof List<?> list) {
            list.forEach(item -> replace(item, parts, index, replacement));
            return;
        }
        if (!(node instanceof Map<?, ?> raw)) {
            return;
        }
        Map<String, Object> map = (Map<String, Object>) raw;
        String key = parts[index];
        if (!map.containsKey(key)) {
            return;
        }
        if (index == parts.length - 1) {
            map.put(key, replacement.apply(map.get(key)));
        } else {
            replace(map.get(key), parts, index + 1, replacement);
        }
    }
}
