package io.xstore.query.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A set of dotted field paths as a tree, applied to a wire document: keep only these paths, or remove them. Lists
 * on the way are traversed element by element ({@code models.input.model} reaches every input's model). A map key
 * that itself contains dots (a hyperparameter named {@code a.b}) matches the path parts it spells.
 */
final class PathTree {

    private final Map<String, PathTree> children = new LinkedHashMap<>();
    private boolean terminal;

    static PathTree of(Iterable<String> paths) {
        PathTree root = new PathTree();
        for (String path : paths) {
            root.add(FieldPaths.wireParts(path));
        }
        return root;
    }

    private void add(List<String> parts) {
        PathTree node = this;
        for (String part : parts) {
            if (node.terminal) {
                return;
            }
            node = node.children.computeIfAbsent(part, k -> new PathTree());
        }
        node.terminal = true;
        node.children.clear();
    }

    boolean isEmpty() {
        return children.isEmpty() && !terminal;
    }

    /** A copy of {@code doc} holding only the paths of this tree. */
    Map<String, Object> keep(Map<String, Object> doc) {
        Map<String, Object> out = new LinkedHashMap<>();
        doc.forEach((key, value) -> {
            PathTree node = descend(key);
            if (node == null) {
                return;
            }
            Object kept = node.keepValue(value);
            if (kept != null) {
                out.put(key, kept);
            }
        });
        return out;
    }

    @SuppressWarnings("unchecked")
    private Object keepValue(Object value) {
        if (terminal) {
            return value;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> kept = keep((Map<String, Object>) map);
            return kept.isEmpty() ? null : kept;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            for (Object item : list) {
                if (item instanceof Map<?, ?> map) {
                    out.add(keep((Map<String, Object>) map));
                }
            }
            return out;
        }
        return null;
    }

    /** Removes the paths of this tree from {@code doc} (in place). */
    @SuppressWarnings("unchecked")
    void remove(Map<String, Object> doc) {
        List<String> keys = new ArrayList<>(doc.keySet());
        for (String key : keys) {
            PathTree node = descend(key);
            if (node == null) {
                continue;
            }
            if (node.terminal) {
                doc.remove(key);
                continue;
            }
            Object value = doc.get(key);
            if (value instanceof Map<?, ?> map) {
                node.remove((Map<String, Object>) map);
            } else if (value instanceof List<?> list) {
                list.forEach(item -> {
                    if (item instanceof Map<?, ?> m) {
                        node.remove((Map<String, Object>) m);
                    }
                });
            }
        }
    }

    /** The node reached by a map key, following its dot-separated parts; null when the key is not on a path. */
    private PathTree descend(String key) {
        PathTree direct = children.get(key);
        if (direct != null || key.indexOf('.') < 0) {
            return direct;
        }
        PathTree node = this;
        for (String part : key.split("\\.")) {
            if (node.terminal) {
                return node;
            }
            node = node.children.get(part);
            if (node == null) {
                return null;
            }
        }
        return node;
    }
}
