package io.xstore.projection.store;

import com.mongodb.MongoClientSettings;
import org.bson.BsonDocument;
import org.bson.BsonDocumentReader;
import org.bson.Document;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.DocumentCodec;
import org.bson.conversions.Bson;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;

import java.lang.reflect.Field;
import java.time.Instant;

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
        List<Object[]> operations = new ArrayList<>();
        if (Builders.flatten(update, operations)) {
            for (Object[] operation : operations) {
                apply(target, (String) operation[0], (String) operation[1], operation[2]);
            }
            return;
        }
        for (Map.Entry<String, Object> operator : decode(update).entrySet()) {
            Document fields = (Document) operator.getValue();
            for (Map.Entry<String, Object> field : fields.entrySet()) {
                apply(target, operator.getKey(), field.getKey(), field.getValue());
            }
        }
    }

    /**
     * Reads the updates built with {@link com.mongodb.client.model.Updates} (and plain update documents) as they are,
     * with their values as the driver would decode them back (maps as new {@link Document}s, lists as new lists,
     * {@link Instant}s as {@link Date}s), instead of encoding them to BSON and decoding that: three quarters of the
     * projectors' CPU went there. An update of another form, or with a value of another type, takes the BSON way.
     */
    static final class Builders {

        private static final Object UNKNOWN = new Object();
        private static final Class<?> SIMPLE = type("com.mongodb.client.model.Updates$SimpleUpdate");
        private static final Class<?> COMPOSITE = type("com.mongodb.client.model.Updates$CompositeUpdate");
        private static final Class<?> WITH_EACH = type("com.mongodb.client.model.Updates$WithEachUpdate");
        private static final Field SIMPLE_FIELD = field(SIMPLE, "fieldName");
        private static final Field SIMPLE_VALUE = field(SIMPLE, "value");
        private static final Field SIMPLE_OPERATOR = field(SIMPLE, "operator");
        private static final Field COMPOSITE_UPDATES = field(COMPOSITE, "updates");
        private static final Field EACH_FIELD = field(WITH_EACH, "fieldName");
        private static final Field EACH_VALUES = field(WITH_EACH, "values");
        private static final Field EACH_OPERATOR = field(WITH_EACH, "operator");
        private static final boolean AVAILABLE = SIMPLE_FIELD != null && SIMPLE_VALUE != null
                && SIMPLE_OPERATOR != null && COMPOSITE_UPDATES != null && EACH_FIELD != null && EACH_VALUES != null
                && EACH_OPERATOR != null;

        private Builders() {
        }

        /** Adds {operator, path, value} of each change; false when the update must take the BSON way. */
        static boolean flatten(Bson update, List<Object[]> out) {
            if (update instanceof Document document) {
                for (Map.Entry<String, Object> operator : document.entrySet()) {
                    if (!(operator.getValue() instanceof Map<?, ?> fields)) {
                        return false;
                    }
                    for (Map.Entry<?, ?> field : fields.entrySet()) {
                        if (!add(out, operator.getKey(), field.getKey(), field.getValue())) {
                            return false;
                        }
                    }
                }
                return true;
            }
            if (!AVAILABLE) {
                return false;
            }
            try {
                Class<?> type = update.getClass();
                if (type == SIMPLE) {
                    return add(out, SIMPLE_OPERATOR.get(update), SIMPLE_FIELD.get(update), SIMPLE_VALUE.get(update));
                }
                if (type == COMPOSITE) {
                    for (Object part : (List<?>) COMPOSITE_UPDATES.get(update)) {
                        if (!(part instanceof Bson bson) || !flatten(bson, out)) {
                            return false;
                        }
                    }
                    return true;
                }
                if (type == WITH_EACH) {
                    Object values = plain(EACH_VALUES.get(update));
                    return values != UNKNOWN && add(out, EACH_OPERATOR.get(update), EACH_FIELD.get(update),
                            new Document("$each", values));
                }
            } catch (IllegalAccessException e) {
                return false;
            }
            return false;
        }

        private static boolean add(List<Object[]> out, Object operator, Object path, Object value) {
            if (!(operator instanceof String) || !(path instanceof String)) {
                return false;
            }
            Object plain = plain(value);
            if (plain == UNKNOWN) {
                return false;
            }
            out.add(new Object[]{operator, path, plain});
            return true;
        }

        /** The value as decoding its BSON would give it (a new copy of containers), or {@link #UNKNOWN}. */
        static Object plain(Object value) {
            if (value == null || value instanceof String || value instanceof Boolean || value instanceof Integer
                    || value instanceof Long || value instanceof Double || value instanceof ObjectId
                    || value instanceof Decimal128) {
                return value;
            }
            if (value instanceof Date date) {
                return new Date(date.getTime());
            }
            if (value instanceof Instant instant) {
                return Date.from(instant);
            }
            if (value instanceof Float || value instanceof Short || value instanceof Byte) {
                return value instanceof Float f ? (Object) f.doubleValue() : (Object) ((Number) value).intValue();
            }
            if (value instanceof Map<?, ?> map) {
                Document copy = new Document();
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    Object item = plain(entry.getValue());
                    if (!(entry.getKey() instanceof String key) || item == UNKNOWN) {
                        return UNKNOWN;
                    }
                    copy.put(key, item);
                }
                return copy;
            }
            if (value instanceof Collection<?> collection) {
                List<Object> copy = new ArrayList<>(collection.size());
                for (Object item : collection) {
                    Object plain = plain(item);
                    if (plain == UNKNOWN) {
                        return UNKNOWN;
                    }
                    copy.add(plain);
                }
                return copy;
            }
            return UNKNOWN;
        }

        private static Class<?> type(String name) {
            try {
                return Class.forName(name);
            } catch (ClassNotFoundException | LinkageError e) {
                return null;
            }
        }

        private static Field field(Class<?> type, String name) {
            if (type == null) {
                return null;
            }
            try {
                Field field = type.getDeclaredField(name);
                field.setAccessible(true);
                return field;
            } catch (ReflectiveOperationException | RuntimeException e) {
                return null;
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
