package io.xstore.query.engine;

/** One order_by entry: the request path, the stored path and the direction. */
public record SortKey(String field, String mongoPath, boolean ascending) {
}
