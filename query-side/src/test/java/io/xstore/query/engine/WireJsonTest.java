package io.xstore.query.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

/** An answer written straight from the stored BSON is, byte for byte, the answer written from the rendered maps. */
class WireJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void writesTheWireShapeOfWireDocuments() throws Exception {
        Document stored = new Document("_id", "t1")
                .append("company", "c1")
                .append("_internal", "dropped")
                .append("id", "ignored, the _id wins")
                .append("name", "a task")
                .append("comment", null)
                .append("status_changed", Date.from(Instant.parse("2026-12-06T10:00:00.123Z")))
                .append("tags", List.of("zeta", "alpha", "mid"))
                .append("system_tags", Arrays.asList("b", 3, "a"))
                .append("last_metrics", new Document("ff", new Document("b2", new Document("value", 1.5))
                        .append("a1", new Document("value", 2))).append("0a", new Document()))
                .append("last_iteration", 7)
                .append("big", 1L << 40)
                .append("ratio", 0.25)
                .append("active", true)
                .append("oid", new ObjectId("0123456789abcdef01234567"))
                .append("price", new Decimal128(new BigDecimal("12.50")))
                .append("blob", new Binary(new byte[] {1, 2}))
                .append("hyperparams", new Document("Args", new Document("lr\uff0e1", new Document("value", "0.1")
                        .append("description", null))))
                .append("execution", new Document("queue", "q1").append("artifacts", new Document()
                        .append("b\uff0eout", new Document("key", "b.out").append("mode", "output"))
                        .append("a", new Document("key", "a").append("timestamp",
                                Date.from(Instant.parse("2026-12-06T10:00:01Z"))))))
                .append("script", new Document("requirements", Arrays.asList("x", null, 3)));
        RawBsonDocument raw = new RawBsonDocument(stored, new DocumentCodec());

        String direct = JSON.writeValueAsString(Map.of("task", new WireJson(raw)));
        String viaMaps = JSON.writeValueAsString(Map.of("task", WireDocuments.render(stored)));

        assertThat(direct).isEqualTo(viaMaps);
        assertThat(direct).contains("\"tags\":[\"alpha\",\"mid\",\"zeta\"]").doesNotContain("_internal")
                .contains("\"system_tags\":[3,\"a\",\"b\"]")
                .contains("\"last_metrics\":{\"0a\":{},\"ff\":{\"a1\":")
                .doesNotContain("comment");
    }

    @Test
    void flushesTheAnswerAtMostOnce() throws Exception {
        Document stored = new Document("_id", "t1").append("tags", Arrays.asList("b", 1))
                .append("execution", new Document("queue", "q")).append("blob", new Binary(new byte[] {1}));
        RawBsonDocument raw = new RawBsonDocument(stored, new DocumentCodec());
        int[] flushes = {0};
        java.io.OutputStream out = new java.io.ByteArrayOutputStream() {
            @Override
            public void flush() {
                flushes[0]++;
            }
        };

        JSON.writeValue(out, Map.of("task", new WireJson(raw)));

        assertThat(flushes[0]).isLessThanOrEqualTo(1);
    }
}
