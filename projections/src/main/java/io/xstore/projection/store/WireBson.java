package io.xstore.projection.store;

import org.bson.BsonBinary;
import org.bson.BsonBinaryWriter;
import org.bson.BsonWriter;
import org.bson.RawBsonDocument;
import org.bson.codecs.Encoder;
import org.bson.codecs.EncoderContext;
import org.bson.codecs.configuration.CodecRegistry;
import org.bson.io.BasicOutputBuffer;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;

import java.util.Arrays;
import java.util.Date;
import java.util.Map;

/**
 * Read-model documents encoded to BSON by a plain walk over their values, before they go into a bulk write. The
 * driver's document codec looks a codec up in its registry for every value, which was a third of the projector's
 * time; the values read models hold (strings, numbers, booleans, dates, ids, maps, lists) are written here directly
 * and any other type through the driver's registry, as the driver would. {@code _id} comes first, as the driver puts
 * it. Documents of those values alone are written straight to bytes ({@link WireBytes}), faster still.
 */
final class WireBson {

    private static final EncoderContext CONTEXT = EncoderContext.builder().build();
    /** One buffer per writing thread, grown to the largest document it wrote; each document is copied out of it. */
    private static final ThreadLocal<WireBytes> BUFFER = ThreadLocal.withInitial(() -> new WireBytes(4096));

    private final CodecRegistry registry;

    private WireBson(CodecRegistry registry) {
        this.registry = registry;
    }

    /** The document as BSON; values of other types are encoded by {@code registry} (the database's). */
    static RawBsonDocument encode(Map<String, ?> document, CodecRegistry registry) {
        return new RawBsonDocument(bytes(document, registry));
    }

    /** The document's BSON bytes, exactly (see {@link #encode}). */
    static byte[] bytes(Map<String, ?> document, CodecRegistry registry) {
        WireBytes direct = BUFFER.get();
        direct.reset();
        if (direct.document(document, true)) {
            return Arrays.copyOf(direct.bytes(), direct.size());
        }
        BasicOutputBuffer out = new BasicOutputBuffer(1024);
        try (BsonBinaryWriter writer = new BsonBinaryWriter(out)) {
            new WireBson(registry).writeDocument(writer, document, true);
        }
        return Arrays.copyOf(out.getInternalBuffer(), out.getPosition());
    }

    private void writeDocument(BsonWriter writer, Map<?, ?> document, boolean idFirst) {
        writer.writeStartDocument();
        Object id = idFirst ? document.get("_id") : null;
        if (id != null) {
            writer.writeName("_id");
            writeValue(writer, id);
        }
        for (Map.Entry<?, ?> entry : document.entrySet()) {
            String key = String.valueOf(entry.getKey());
            if (id != null && key.equals("_id")) {
                continue;
            }
            writer.writeName(key);
            writeValue(writer, entry.getValue());
        }
        writer.writeEndDocument();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void writeValue(BsonWriter writer, Object value) {
        if (value == null) {
            writer.writeNull();
        } else if (value instanceof String text) {
            writer.writeString(text);
        } else if (value instanceof Integer number) {
            writer.writeInt32(number);
        } else if (value instanceof Long number) {
            writer.writeInt64(number);
        } else if (value instanceof Double number) {
            writer.writeDouble(number);
        } else if (value instanceof Boolean flag) {
            writer.writeBoolean(flag);
        } else if (value instanceof Date date) {
            writer.writeDateTime(date.getTime());
        } else if (value instanceof ObjectId id) {
            writer.writeObjectId(id);
        } else if (value instanceof Decimal128 decimal) {
            writer.writeDecimal128(decimal);
        } else if (value instanceof Binary binary) {
            writer.writeBinaryData(new BsonBinary(binary.getType(), binary.getData()));
        } else if (value instanceof Map<?, ?> map) {
            writeDocument(writer, map, false);
        } else if (value instanceof Iterable<?> items) {
            writer.writeStartArray();
            for (Object item : items) {
                writeValue(writer, item);
            }
            writer.writeEndArray();
        } else {
            Encoder encoder = registry.get(value.getClass());
            encoder.encode(writer, value, CONTEXT);
        }
    }
}
