package io.xstore.projection.store;

import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;

import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

/**
 * The BSON bytes of a read-model document written straight into an array, for {@link WireBson}: the same bytes as the
 * driver's writer, which checks its state, validates every name and goes through a buffer call per byte (half of a
 * replay's fold was spent there). Knows the value types read models hold; {@link #document} answers false for any
 * other (or a name the driver would refuse), and the caller then takes the driver's way.
 */
final class WireBytes {

    private static final byte DOUBLE = 0x01;
    private static final byte STRING = 0x02;
    private static final byte DOCUMENT = 0x03;
    private static final byte ARRAY = 0x04;
    private static final byte BINARY = 0x05;
    private static final byte OBJECT_ID = 0x07;
    private static final byte BOOLEAN = 0x08;
    private static final byte DATE_TIME = 0x09;
    private static final byte NULL = 0x0A;
    private static final byte INT32 = 0x10;
    private static final byte INT64 = 0x12;
    private static final byte DECIMAL128 = 0x13;
    private static final byte OLD_BINARY = 0x02;

    /** Names kept encoded (with their NUL); past this many (names made of data) the others are encoded each time. */
    private static final int MAX_NAMES = 4096;

    private final Map<String, byte[]> names = new HashMap<>();
    private byte[] bytes;
    private int size;

    WireBytes(int capacity) {
        bytes = new byte[capacity];
    }

    byte[] bytes() {
        return bytes;
    }

    /** Empties the buffer for the next document, keeping its array. */
    void reset() {
        size = 0;
    }

    int size() {
        return size;
    }

    /** Appends the document ({@code _id} first when asked); false when it holds something this does not write. */
    boolean document(Map<?, ?> document, boolean idFirst) {
        int start = size;
        int32(0);
        Object id = idFirst ? document.get("_id") : null;
        if (id != null && !element("_id", id)) {
            return false;
        }
        for (Map.Entry<?, ?> entry : document.entrySet()) {
            String key = String.valueOf(entry.getKey());
            if (id != null && key.equals("_id")) {
                continue;
            }
            if (!element(key, entry.getValue())) {
                return false;
            }
        }
        byte0(0);
        patchInt32(start, size - start);
        return true;
    }

    private boolean array(Iterable<?> items) {
        int start = size;
        int32(0);
        int index = 0;
        for (Object item : items) {
            if (!element(Integer.toString(index++), item)) {
                return false;
            }
        }
        byte0(0);
        patchInt32(start, size - start);
        return true;
    }

    private boolean element(String name, Object value) {
        int typeAt = size;
        byte0(0);
        if (!cString(name)) {
            return false;
        }
        if (value == null) {
            bytes[typeAt] = NULL;
        } else if (value instanceof String text) {
            bytes[typeAt] = STRING;
            int lengthAt = size;
            int32(0);
            utf8(text, false);
            byte0(0);
            patchInt32(lengthAt, size - lengthAt - 4);
        } else if (value instanceof Integer number) {
            bytes[typeAt] = INT32;
            int32(number);
        } else if (value instanceof Long number) {
            bytes[typeAt] = INT64;
            int64(number);
        } else if (value instanceof Double number) {
            bytes[typeAt] = DOUBLE;
            int64(Double.doubleToRawLongBits(number));
        } else if (value instanceof Boolean flag) {
            bytes[typeAt] = BOOLEAN;
            byte0(flag ? 1 : 0);
        } else if (value instanceof Date date) {
            bytes[typeAt] = DATE_TIME;
            int64(date.getTime());
        } else if (value instanceof ObjectId id) {
            bytes[typeAt] = OBJECT_ID;
            raw(id.toByteArray());
        } else if (value instanceof Decimal128 decimal) {
            bytes[typeAt] = DECIMAL128;
            int64(decimal.getLow());
            int64(decimal.getHigh());
        } else if (value instanceof Binary binary) {
            bytes[typeAt] = BINARY;
            byte[] data = binary.getData();
            if (binary.getType() == OLD_BINARY) {
                int32(data.length + 4);
                byte0(binary.getType());
                int32(data.length);
            } else {
                int32(data.length);
                byte0(binary.getType());
            }
            raw(data);
        } else if (value instanceof Map<?, ?> map) {
            bytes[typeAt] = DOCUMENT;
            return document(map, false);
        } else if (value instanceof Iterable<?> items) {
            bytes[typeAt] = ARRAY;
            return array(items);
        } else {
            return false;
        }
        return true;
    }

    /**
     * A name: UTF-8 without a NUL (the driver refuses one), then NUL. The few names read models use come again in
     * every document, so each is encoded once per buffer and copied after.
     */
    private boolean cString(String name) {
        byte[] known = names.get(name);
        if (known != null) {
            raw(known);
            return true;
        }
        int start = size;
        if (!utf8(name, true)) {
            return false;
        }
        byte0(0);
        if (names.size() < MAX_NAMES) {
            names.put(name, Arrays.copyOfRange(bytes, start, size));
        }
        return true;
    }

    /** UTF-8 as the driver writes it (an unpaired surrogate as three bytes); false on a NUL when refused. */
    private boolean utf8(String text, boolean refuseNul) {
        int length = text.length();
        ensure(length * 3);
        byte[] out = bytes;
        int at = size;
        for (int i = 0; i < length; ) {
            int c = text.charAt(i);
            if (c < 0x80) {
                if (c == 0 && refuseNul) {
                    return false;
                }
                out[at++] = (byte) c;
                i++;
                continue;
            }
            c = text.codePointAt(i);
            i += Character.charCount(c);
            if (c < 0x800) {
                out[at++] = (byte) (0xC0 + (c >> 6));
                out[at++] = (byte) (0x80 + (c & 0x3F));
            } else if (c < 0x10000) {
                out[at++] = (byte) (0xE0 + (c >> 12));
                out[at++] = (byte) (0x80 + ((c >> 6) & 0x3F));
                out[at++] = (byte) (0x80 + (c & 0x3F));
            } else {
                out[at++] = (byte) (0xF0 + (c >> 18));
                out[at++] = (byte) (0x80 + ((c >> 12) & 0x3F));
                out[at++] = (byte) (0x80 + ((c >> 6) & 0x3F));
                out[at++] = (byte) (0x80 + (c & 0x3F));
            }
        }
        size = at;
        return true;
    }

    private void byte0(int value) {
        ensure(1);
        bytes[size++] = (byte) value;
    }

    private void int32(int value) {
        ensure(4);
        patchInt32(size, value);
        size += 4;
    }

    private void patchInt32(int at, int value) {
        bytes[at] = (byte) value;
        bytes[at + 1] = (byte) (value >> 8);
        bytes[at + 2] = (byte) (value >> 16);
        bytes[at + 3] = (byte) (value >> 24);
    }

    private void int64(long value) {
        ensure(8);
        for (int i = 0; i < 8; i++) {
            bytes[size++] = (byte) (value >> (8 * i));
        }
    }

    private void raw(byte[] data) {
        ensure(data.length);
        System.arraycopy(data, 0, bytes, size, data.length);
        size += data.length;
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}
