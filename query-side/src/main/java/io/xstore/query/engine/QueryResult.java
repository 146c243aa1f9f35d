package io.xstore.query.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The documents of a get_all call and, when it scrolls, the scroll id to return. */
public record QueryResult(List<Map<String, Object>> items, String scrollId) {

    /** The response {@code data}: {@code {<key>: [...], "scroll_id"?: ..}}. */
    public Map<String, Object> toResponse(String key) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(key, items);
        if (scrollId != null) {
            out.put("scroll_id", scrollId);
        }
        return out;
    }
}
