package io.xstore.projection.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoClientSettings;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.BsonBinaryWriter;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;
import org.bson.codecs.EncoderContext;
import org.bson.codecs.configuration.CodecRegistry;
import org.bson.io.BasicOutputBuffer;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

/** The projector's own BSON encoding writes exactly the bytes the driver's document codec writes. */
class WireBsonTest {

    private static final CodecRegistry REGISTRY = MongoClientSettings.getDefaultCodecRegistry();

    @Test
    void encodesReadModelDocumentsAsTheDriverDoes() {
        Document doc = new Document("name", "a task")
                .append("_id", "t1")
                .append("n", 7).append("big", 1L << 40).append("ratio", 0.5).append("active", false)
                .append("none", null)
                .append("at", Date.from(Instant.parse("2026-12-06T10:00:00.123Z")))
                .append("oid", new ObjectId("0123456789abcdef01234567"))
                .append("price", new Decimal128(new BigDecimal("1.25")))
                .append("blob", new Binary(new byte[] {1, 2, 3}))
                .append("tags", Arrays.asList("x", null, 3))
                .append("hyper", new Document("Args", Map.of("lr", new Document("value", "0.1"))))
                .append("sorted", new TreeMap<>(Map.of("b", 2, "a", List.of(Map.of("k", 1L)))))
                .append("instant", Instant.parse("2026-12-06T10:00:00Z"));

        RawBsonDocument ours = WireBson.encode(doc, REGISTRY);
        // as the driver encodes a document it writes to a collection: _id first
        BasicOutputBuffer drivers = new BasicOutputBuffer();
        new DocumentCodec(REGISTRY).encode(new BsonBinaryWriter(drivers), doc,
                EncoderContext.builder().isEncodingCollectibleDocument(true).build());

        byte[] oursBytes = new byte[ours.getByteBuffer().remaining()];
        ours.getByteBuffer().get(oursBytes);
        assertThat(oursBytes).isEqualTo(drivers.toByteArray());
        assertThat(ours.getFirstKey()).isEqualTo("_id");
    }

    @Test
    void writesDocumentsOfReadModelValuesStraightToTheSameBytes() {
        Document doc = new Document("_id", "t2")
                .append("name", "caf\u00e9 \u4e2d \ud83d\ude00 lone \ud800 end")
                .append("n", -7).append("big", Long.MIN_VALUE).append("ratio", -0.0).append("nan", Double.NaN)
                .append("active", true).append("none", null)
                .append("at", Date.from(Instant.parse("1969-12-31T23:59:59.999Z")))
                .append("oid", new ObjectId("0123456789abcdef01234567"))
                .append("price", new Decimal128(new BigDecimal("-1234.5678")))
                .append("blob", new Binary(new byte[] {1, 2, 3}))
                .append("old", new Binary((byte) 2, new byte[] {4, 5}))
                .append("nested", List.of(List.of(), List.of(1, "x", Map.of()), new Document("k\u00e9y", 1L)))
                .append("empty", "");

        RawBsonDocument ours = WireBson.encode(doc, REGISTRY);
        BasicOutputBuffer drivers = new BasicOutputBuffer();
        new DocumentCodec(REGISTRY).encode(new BsonBinaryWriter(drivers), doc,
                EncoderContext.builder().isEncodingCollectibleDocument(true).build());

        byte[] oursBytes = new byte[ours.getByteBuffer().remaining()];
        ours.getByteBuffer().get(oursBytes);
        assertThat(oursBytes).isEqualTo(drivers.toByteArray());
    }
}
