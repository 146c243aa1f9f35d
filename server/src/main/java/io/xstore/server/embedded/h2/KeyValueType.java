package io.xstore.server.embedded.h2;

import de.bwaldvogel.mongo.backend.KeyValue;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * Keys of the unique index maps. H2's generic type compares objects it does not know by Java-serializing both on
 * every comparison; an insert into a 50,000-entry {@code _id} index made thirty such comparisons. This type compares
 * the usual key values (strings, numbers, booleans, nulls) directly and writes them compactly; other values keep Java
 * serialization. The order only has to be total and agree with {@link KeyValue#equals}.
 */
final class KeyValueType extends BasicDataType<KeyValue> {

    static final KeyValueType INSTANCE = new KeyValueType();

    private static final byte NULL = 0;
    private static final byte FALSE = 1;
    private static final byte TRUE = 2;
    private static final byte INT = 3;
    private static final byte LONG = 4;
    private static final byte DOUBLE = 5;
    private static final byte STRING = 6;
    private static final byte SERIALIZED = 7;

    private KeyValueType() {
    }

    @Override
    public int compare(KeyValue a, KeyValue b) {
        if (a.size() == 1 && b.size() == 1 && a.get(0) instanceof String x && b.get(0) instanceof String y) {
            return x.compareTo(y); // an _id index's key, most of the time: the same order as below
        }
        int common = Math.min(a.size(), b.size());
        for (int i = 0; i < common; i++) {
            int c = compareValues(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareValues(Object x, Object y) {
        byte tx = tag(x);
        byte ty = tag(y);
        if (tx != ty) {
            return Byte.compare(tx, ty);
        }
        return switch (tx) {
            case NULL, FALSE, TRUE -> 0;
            case INT -> Integer.compare((Integer) x, (Integer) y);
            case LONG -> Long.compare((Long) x, (Long) y);
            case DOUBLE -> Double.compare((Double) x, (Double) y);
            case STRING -> ((String) x).compareTo((String) y);
            default -> x.getClass() == y.getClass() && x instanceof Comparable c
                    ? c.compareTo(y)
                    : Arrays.compare(JavaSerialization.bytes(x), JavaSerialization.bytes(y));
        };
    }

    private static byte tag(Object value) {
        if (value == null) {
            return NULL;
        }
        if (value instanceof Boolean b) {
            return b ? TRUE : FALSE;
        }
        if (value instanceof Integer) {
            return INT;
        }
        if (value instanceof Long) {
            return LONG;
        }
        if (value instanceof Double) {
            return DOUBLE;
        }
        return value instanceof String ? STRING : SERIALIZED;
    }

    @Override
    public int getMemory(KeyValue key) {
        int memory = 48;
        for (Object value : key) {
            memory += value instanceof String s ? 40 + 2 * s.length() : 32;
        }
        return memory;
    }

    @Override
    public void write(WriteBuffer buff, KeyValue key) {
        buff.putVarInt(key.size());
        for (Object value : key) {
            byte tag = tag(value);
            buff.put(tag);
            switch (tag) {
                case INT -> buff.putInt((Integer) value);
                case LONG -> buff.putLong((Long) value);
                case DOUBLE -> buff.putDouble((Double) value);
                case STRING -> {
                    String s = (String) value;
                    buff.putVarInt(s.length()).putStringData(s, s.length());
                }
                case SERIALIZED -> {
                    byte[] bytes = JavaSerialization.bytes(value);
                    buff.putVarInt(bytes.length).put(bytes);
                }
                default -> {
                }
            }
        }
    }

    @Override
    public KeyValue read(ByteBuffer buff) {
        int size = DataUtils.readVarInt(buff);
        List<Object> values = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            byte tag = buff.get();
            values.add(switch (tag) {
                case NULL -> null;
                case FALSE -> Boolean.FALSE;
                case TRUE -> Boolean.TRUE;
                case INT -> buff.getInt();
                case LONG -> buff.getLong();
                case DOUBLE -> buff.getDouble();
                case STRING -> DataUtils.readString(buff, DataUtils.readVarInt(buff));
                case SERIALIZED -> {
                    byte[] bytes = new byte[DataUtils.readVarInt(buff)];
                    buff.get(bytes);
                    yield JavaSerialization.object(bytes);
                }
                default -> throw new IllegalStateException("unknown key value tag " + tag);
            });
        }
        return new KeyValue(values);
    }

    @Override
    public KeyValue[] createStorage(int size) {
        return new KeyValue[size];
    }
}
