package io.xstore.server.embedded.h2;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.MaxKey;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A field change patched into stored BSON gives the bytes of decoding, changing and encoding the document again. */
class BsonFieldPatchTest {

    @Test
    void patchedBytesAreThoseOfTheDecodedRoundTrip() {
        Document stored = task();
        List<Document> updates = List.of(
                new Document("$set", new Document("comment", "changed")),
                new Document("$set", new Document("comment", "changed").append("brand_new", 7L)
                        .append("tags", List.of("x", "y", "z"))),
                new Document("$set", new Document("status", 12).append("ratio", 0.5)),
                new Document("$unset", new Document("comment", "")),
                new Document("$unset", new Document("not_there", "")),
                new Document("$set", new Document("comment", "set then unset")).append("$unset",
                        new Document("comment", "").append("flag", "")),
                new Document("$set", new Document("execution", new Document("queue", "q1")
                        .append("params", List.of(new Document("k", "v"), 3, true))).append("último", "ñ")),
                new Document("$set", new Document("when", Instant.ofEpochMilli(1_800_000_000_000L))
                        .append("owner", new ObjectId()).append("none", null).append("flag", false)),
                new Document("$set", new Document("_only_new", "a")));
        for (Document update : updates) {
            byte[] patched = BsonFieldPatch.apply(bson(stored), setOf(update), unsetOf(update));
            byte[] expected = bson(WritesById.apply(new EncodedDocument(bson(stored)).decode(), update));
            assertThat(patched).as(update.toString()).isEqualTo(expected);
            assertThat(new EncodedDocument(patched).decode())
                    .isEqualTo(WritesById.apply(new EncodedDocument(bson(stored)).decode(), update));
        }
    }

    @Test
    void valuesOfOtherTypesAreLeftToTheRoundTrip() {
        Document update = new Document("$set", new Document("id", new Decimal128(new BigDecimal("1.5"))));
        assertThat(BsonFieldPatch.apply(bson(task()), setOf(update), Set.of())).isNull();
        Object applied = WritesById.applied(new EncodedDocument(bson(task())), update);
        assertThat(EncodedDocument.of(applied))
                .isEqualTo(WritesById.apply(new EncodedDocument(bson(task())).decode(), update));
    }

    @Test
    void storedValuesOfAnyTypeAreCopiedAsTheyAre() {
        Document stored = task().append("decimal", new Decimal128(new BigDecimal("2.25")))
                .append("binary", new BinData(new byte[] {1, 2, 3})).append("stamp", new BsonTimestamp(42L))
                .append("pattern", new BsonRegularExpression("^a.*", "i")).append("max", MaxKey.getInstance())
                .append("after", "last");
        Document update = new Document("$set", new Document("comment", "c").append("after", "moved? no"));
        byte[] patched = BsonFieldPatch.apply(bson(stored), setOf(update), Set.of());
        assertThat(patched).isEqualTo(bson(WritesById.apply(new EncodedDocument(bson(stored)).decode(), update)));
    }

    private static Document task() {
        return new Document("_id", "t1").append("name", "a task é \uD83D\uDE00").append("comment", "old")
                .append("status", "created").append("ratio", 1.25).append("count", 3).append("big", 1L << 40)
                .append("flag", true).append("when", Instant.ofEpochMilli(1_700_000_000_000L))
                .append("tags", List.of("a", "b")).append("none", null)
                .append("execution", new Document("queue", null).append("params", new Document("x", 1)));
    }

    private static byte[] setOf(Document update) {
        return update.get("$set") instanceof Document set ? bson(set) : null;
    }

    private static Set<String> unsetOf(Document update) {
        return update.get("$unset") instanceof Document unset ? unset.keySet() : Set.of();
    }

    private static byte[] bson(Document document) {
        return ((EncodedDocument) DocumentType.stored(document)).bson();
    }
}
