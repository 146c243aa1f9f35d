package io.xstore.projection.metrics;

import java.util.Map;

/** One event document to index (create or overwrite) under {@code id} in {@code index}. */
public record EventWrite(String index, String id, Map<String, Object> source) {

    /** Identifies the document: a later write with the same key replaces the earlier one. */
    public String documentKey() {
        return index + "/" + id;
    }

    /** A rough size of the document as JSON, to keep bulk requests within limits. */
    public long approximateBytes() {
        long bytes = 64 + id.length();
        for (Map.Entry<String, Object> field : source.entrySet()) {
            bytes += field.getKey().length() + 8;
            Object value = field.getValue();
            if (value instanceof CharSequence text) {
                bytes += text.length();
            } else if (value instanceof java.util.Collection<?> values) {
                bytes += 24L * values.size();
            } else {
                bytes += 16;
            }
        }
        return bytes;
    }
}
