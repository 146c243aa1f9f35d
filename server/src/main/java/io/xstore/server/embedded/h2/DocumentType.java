package io.xstore.server.embedded.h2;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.Map;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * Documents of the collection maps, stored as BSON, the format they arrived in, instead of H2's default Java
 * serialization (which wrote class descriptors with every document and took most of the embedded server's time).
 * A document BSON cannot hold keeps Java serialization.
 * <p>
 * A value is an {@link EncodedDocument}, as written ({@link #stored}) and as read from the file: pages are read without
 * decoding their documents (see {@link StoredDocumentsCollection}); a {@link Document} only when BSON cannot hold it.
 */
final class DocumentType extends BasicDataType<Object> {

    static final DocumentType INSTANCE = new DocumentType();

    private static final byte BSON = 1;
    private static final byte SERIALIZED = 2;

    private DocumentType() {
    }

    @Override
    public int getMemory(Object value) {
        return value instanceof EncodedDocument encoded ? 32 + encoded.bson().length : estimate(value);
    }

    private static int estimate(Object value) {
        if (value instanceof String s) {
            return 40 + 2 * s.length();
        }
        if (value instanceof Map<?, ?> map) {
            int memory = 64;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                memory += 48 + estimate(entry.getKey()) + estimate(entry.getValue());
            }
            return memory;
        }
        if (value instanceof Collection<?> list) {
            int memory = 40;
            for (Object element : list) {
                memory += 8 + estimate(element);
            }
            return memory;
        }
        return value instanceof byte[] bytes ? 16 + bytes.length : 24;
    }

    @Override
    public void write(WriteBuffer buff, Object value) {
        if (value instanceof EncodedDocument encoded) {
            buff.put(BSON).putVarInt(encoded.bson().length).put(encoded.bson());
            return;
        }
        Object stored = stored((Document) value);
        if (stored instanceof EncodedDocument encoded) {
            buff.put(BSON).putVarInt(encoded.bson().length).put(encoded.bson());
        } else {
            byte[] bytes = JavaSerialization.bytes(stored);
            buff.put(SERIALIZED).putVarInt(bytes.length).put(bytes);
        }
    }

    /**
     * The value a collection map keeps for a document: its BSON ({@link EncodedDocument}), encoded once when it is
     * written rather than each time a page holding it is saved again; the document itself when BSON cannot hold it.
     */
    static Object stored(Document document) {
        ByteBuf bson = Unpooled.buffer(256);
        try {
            BsonEncoder.encodeDocument(document, bson);
        } catch (RuntimeException notBson) {
            return document;
        }
        byte[] bytes = new byte[bson.readableBytes()];
        bson.readBytes(bytes);
        return new EncodedDocument(bytes);
    }

    @Override
    public Object read(ByteBuffer buff) {
        byte format = buff.get();
        int length = DataUtils.readVarInt(buff);
        byte[] bytes = new byte[length];
        buff.get(bytes);
        return switch (format) {
            case BSON -> new EncodedDocument(bytes);
            case SERIALIZED -> (Document) JavaSerialization.object(bytes);
            default -> throw new IllegalStateException("unknown document format " + format);
        };
    }

    @Override
    public Object[] createStorage(int size) {
        return new Object[size];
    }
}
