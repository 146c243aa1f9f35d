package io.xstore.server.embedded.h2;

import de.bwaldvogel.mongo.bson.Document;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The strings a query compares a field to with plain equality ({@code {status: "in_progress"}}, also inside
 * {@code $and} and as {@code $eq}): a document can only match if its BSON holds each of them (BSON keeps strings as
 * their UTF-8 bytes), so a scan skips, without decoding it, every stored document that lacks one. The watchdog's
 * look for running tasks among 100,000 then decodes the few running ones instead of all.
 */
final class RequiredStrings {

    private final List<byte[]> needles;

    private RequiredStrings(List<byte[]> needles) {
        this.needles = needles;
    }

    static RequiredStrings of(Document query) {
        List<byte[]> needles = new ArrayList<>();
        collect(query, needles);
        return new RequiredStrings(needles);
    }

    boolean isEmpty() {
        return needles.isEmpty();
    }

    /** False only when the document cannot match the query. */
    boolean mayMatch(byte[] bson) {
        for (byte[] needle : needles) {
            if (!contains(bson, needle)) {
                return false;
            }
        }
        return true;
    }

    private static void collect(Map<String, Object> query, List<byte[]> needles) {
        for (Map.Entry<String, Object> entry : query.entrySet()) {
            String key = entry.getKey();
            Object value = entry.getValue();
            if (key.equals("$and") && value instanceof Collection<?> parts) {
                for (Object part : parts) {
                    if (part instanceof Document document) {
                        collect(document, needles);
                    }
                }
            } else if (!key.startsWith("$")) {
                if (value instanceof Document condition && condition.size() == 1) {
                    value = condition.get("$eq");
                }
                if (value instanceof String text && !text.isEmpty()) {
                    needles.add(text.getBytes(StandardCharsets.UTF_8));
                }
            }
        }
    }

    static boolean contains(byte[] haystack, byte[] needle) {
        byte first = needle[0];
        int last = haystack.length - needle.length;
        outer:
        for (int i = 0; i <= last; i++) {
            if (haystack[i] != first) {
                continue;
            }
            for (int j = 1; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
