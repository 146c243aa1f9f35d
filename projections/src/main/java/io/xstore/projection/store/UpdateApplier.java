package io.xstore.projection.store;

import com.mongodb.MongoClientSettings;
import org.bson.BsonDocument;
import org.bson.BsonDocumentReader;
import org.bson.Document;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.DocumentCodec;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * Applies a MongoDB update document to a {@link Document} in memory, with MongoDB's semantics for the operators the
 * projections use ({@code $set}, {@code $unset}, {@code $max}, {@code $min}, {@code $inc}, {@code $addToSet} with or
 * without {@code $each}). Lets a batch fold many events into one document before writing it once. Any other operator
 * is refused loudly rather than ignored.
 */
final class UpdateApplier {

    private static final DocumentCodec CODEC = new DocumentCodec(MongoClientSettings.getDefaultCodecRegistry());

    private UpdateApplier() {
    }

    /** The update as plain Java values ({@code $op → {path → value}}). */
    static Document decode(Bson update) {
        BsonDocument bson = update.toBsonDocument(Document.class, MongoClientSettings.getDefaultCodecRegistry());
        return CODEC.decode(new BsonDocumentReader(bson), DecoderContext.builder().build());
    }

    /**
     * Whether a document matches a filter of plain equalities ({@code {field: value}}, dotted paths allowed), as the
     * projections' {@code updateMany} calls use; a filter with operators matches nothing (used in memory only).
     */
    static boolean matches(Document doc, Bson filter) {
        for (Map.Entry<String, Object> condition : decode(filter).entrySet()) {
            if (condition.getKey().startsWith("$") || condition.getValue() instanceof Document) {
                return false;
            }
            Document parent = parent(doc, condition.getKey().split("\\."), false);
            if (parent == null || !java.util.Objects.equals(parent.get(last(condition.getKey().split("\\."))),
                    condition.getValue())) {
                return false;
            }
        }
        return true;
    }

    static void apply(Document target, Bson update) {
        for (Map.Entry<String, Object> operator : decode(update).entrySet()) {
            Document fields = (Document) operator.getValue();
            for (Map.Entry<String, Object> field : fields.entrySet()) {
                apply(target, operator.getKey(), field.getKey(), field.getValue());
            }
        }
    }

    private static void apply(Document target, String operator, String path, Object value) {
        String[] keys = path.split("\\.");
        switch (operator) {
            case "$set" -> parent(target, keys, true).put(last(keys), value);
            case "$unset" -> {
                Document parent = parent(target, keys, false);
                if (parent != null) {
                    parent.remove(last(keys));
                }
            }
            case "$max", "$min" -> {
                Document parent = parent(target, keys, true);
                Object current = parent.get(last(keys));
                int order = current == null ? 0 : compare(value, current);
                if (current == null || ("$max".equals(operator) ? order > 0 : order < 0)) {
                    parent.put(last(keys), value);
                }
            }
            case "$inc" -> {
                Document parent = parent(target, keys, true);
                parent.put(last(keys), add(parent.get(last(keys)), (Number) value));
            }
            case "$addToSet" -> {
                Document parent = parent(target, keys, true);
                List<Object> list = new ArrayList<>(parent.get(last(keys)) instanceof Collection<?> c ? c : List.of());
                Collection<?> added = value instanceof Document each && each.containsKey("$each")
                        ? (Collection<?>) each.get("$each") : List.of(value);
                for (Object item : added) {
                    if (!list.contains(item)) {
                        list.add(item);
                    }
                }
                parent.put(last(keys), list);
            }
            default -> throw new IllegalArgumentException("update operator " + operator + " is not supported by the "
                    + "read-model batch; add it to " + UpdateApplier.class.getSimpleName());
        }
    }

    /** The document holding the last key of the path; missing levels are created when asked, else null. */
    private static Document parent(Document root, String[] keys, boolean create) {
        Document current = root;
        for (int i = 0; i < keys.length - 1; i++) {
            Object next = current.get(keys[i]);
            Document child;
            if (next instanceof Document existing) {
                child = existing;
            } else if (next instanceof Map<?, ?> map) {
                child = new Document();
                map.forEach((key, value) -> child.put((String) key, value));
                current.put(keys[i], child);
            } else {
                if (!create) {
                    return null;
                }
                child = new Document();
                current.put(keys[i], child);
            }
            current = child;
        }
        return current;
    }

    private static String last(String[] keys) {
        return keys[keys.length - 1];
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return Double.compare(x.doubleValue(), y.doubleValue());
        }
        if (a instanceof Date x && b instanceof Date y) {
            return x.compareTo(y);
        }
        if (a instanceof Comparable x && a.getClass() == b.getClass()) {
            return x.compareTo(b);
        }
        return 0;
    }

    private static Number add(Object current, Number delta) {
        if (current == null) {
            return delta;
        }
        Number base = (Number) current;
        if (base instanceof Double || delta instanceof Double) {
            return base.doubleValue() + delta.doubleValue();
        }
        if (base instanceof Long || delta instanceof Long) {
            return base.longValue() + delta.longValue();
        }
        return base.intValue() + delta.intValue();
    }
}
