package io.xstore.query.history;

/**
 * One changed field of a wire-shaped document (docs/api/history.md): a dotted path, with {@code [key]} for an item of
 * a keyed list ({@code execution.artifacts[model.pkl].uri}), and its value before and after (null: absent).
 */
public record Change(String field, Object before, Object after) {
}
