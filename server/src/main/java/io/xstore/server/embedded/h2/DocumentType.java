package io.xstore.server.embedded.h2;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
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
 */
final class DocumentType extends BasicDataType<Document> {

    static final DocumentType INSTANCE = new DocumentType();

    private static final byte BSON = 1;
    private static final byte SERIALIZED = 2;

    private DocumentType() {
    }

    @Override
    public int getMemory(Document document) {
        return estimate(document);
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
    public void write(WriteBuffer buff, Document document) {
        ByteBuf bson = Unpooled.buffer(256);
        try {
            BsonEncoder.encodeDocument(document, bson);
        } catch (RuntimeException notBson) {
            byte[] bytes = JavaSerialization.bytes(document);
            buff.put(SERIALIZED).putVarInt(bytes.length).put(bytes);
            return;
        }
        int length = bson.readableBytes();
        buff.put(BSON).putVarInt(length).put(bson.array(), bson.arrayOffset() + bson.readerIndex(), length);
    }

    @Override
    public Document read(ByteBuffer buff) {
        byte format = buff.get();
        int length = DataUtils.readVarInt(buff);
        ByteBuffer slice = buff.slice();
        slice.limit(length);
        buff.position(buff.position() + length);
        return switch (format) {
            case BSON -> BsonDecoder.decodeBson(Unpooled.wrappedBuffer(slice));
            case SERIALIZED -> {
                byte[] bytes = new byte[length];
                slice.get(bytes);
                yield (Document) JavaSerialization.object(bytes);
            }
            default -> throw new IllegalStateException("unknown document format " + format);
        };
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }
}
