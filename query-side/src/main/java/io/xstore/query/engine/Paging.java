package io.xstore.query.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xstore.protocol.Fields;

import java.util.Map;

/**
 * Which slice of the ordered result a get_all call returns (docs/api/README.md, Lists). With the key
 * {@code scroll_id} present the call scrolls: {@code size} items (required, ≥ 1, not capped) from the scroll's
 * position, {@code refresh_scroll} re-reads from the start up to the position. Otherwise {@code page} and
 * {@code page_size} page through at most 500 items per call; without them the first 500 are returned.
 */
public record Paging(int start, int size, ScrollRegistry.ScrollState scroll) {

    public static final int MAX_PAGE_SIZE = 500;

    public static Paging resolve(ObjectNode body, ScrollRegistry scrolls, String owner) {
        if (body.has("scroll_id")) {
            int size = scrollSize(body.get("size"));
            JsonNode id = body.get("scroll_id");
            ScrollRegistry.ScrollState state = scrolls.open(id.isNull() ? null : id.asText(), owner);
            if (Fields.optBool(body, "refresh_scroll", false)) {
                return new Paging(0, Math.max(state.position(), size), state.movedTo(0));
            }
            return new Paging(state.position(), size, state);
        }
        Integer page = Fields.optInt(body, "page");
        Integer pageSize = Fields.optInt(body, "page_size");
        if (page != null && page < 0) {
            throw QueryErrors.validation("page must be >=0", Map.of("field", "page"));
        }
        if (pageSize != null && pageSize < 1) {
            throw QueryErrors.validation("page_size must be >0", Map.of("field", "page_size"));
        }
        int size = pageSize == null ? MAX_PAGE_SIZE : Math.min(pageSize, MAX_PAGE_SIZE);
        long start = (long) (page == null ? 0 : page) * size;
        return new Paging((int) Math.min(start, Integer.MAX_VALUE), size, null);
    }

    /** A plain page without scrolling (used for internal lookups). */
    public static Paging first(int size) {
        return new Paging(0, size, null);
    }

    private static int scrollSize(JsonNode node) {
        if (node == null || !node.isIntegralNumber() || node.asLong() < 1 || !node.canConvertToInt()) {
            throw QueryErrors.validation(
                    "Integer size parameter greater than 1 should be provided when working with scroll",
                    Map.of("field", "size"));
        }
        return node.intValue();
    }
}
