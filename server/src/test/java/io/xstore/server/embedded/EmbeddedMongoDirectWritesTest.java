package io.xstore.server.embedded;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.xstore.projection.store.DirectDocumentWrites;
import io.xstore.projection.store.ReadModelCollection;
import io.xstore.projection.store.ReadModelStore;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A catch-up's documents written straight into the embedded MongoDB's file read back through the driver exactly as
 * the same writes made through the driver: the same bytes, the same answers to filtered and sorted queries and to
 * reads by id, also after the file is closed and opened again; so do updates written blind (to documents not read). A
 * collection with a unique index besides {@code _id}, and a page with an update other than of top-level fields, are
 * left to the driver.
 */
class EmbeddedMongoDirectWritesTest {

    @TempDir
    Path dir;

    @Test
    void directWritesReadBackAsDriverWrites() throws Exception {
        EmbeddedMongo first = new EmbeddedMongo(dir, 0);
        AtomicInteger taken = new AtomicInteger();
        try (MongoClient client = MongoClients.create(first.start())) {
            DirectDocumentWrites direct = first.directWrites();
            DirectDocumentWrites counting = (database, collection, writes) -> {
                boolean done = direct.write(database, collection, writes);
                if (done) {
                    taken.incrementAndGet();
                }
                return done;
            };
            MongoDatabase viaDriver = client.getDatabase("viadriver");
            MongoDatabase directly = client.getDatabase("directly");
            for (MongoDatabase database : List.of(viaDriver, directly)) {
                DirectDocumentWrites writes = database == directly ? counting : DirectDocumentWrites.NONE;
                database.getCollection("things").createIndex(Indexes.descending("rank"));
                // a replay: the collection emptied, its documents created, then changed by later pages
                catchUp(new ReadModelStore(database, writes), things -> {
                    things.clear();
                    for (int i = 0; i < 200; i++) {
                        things.replace("t" + i, thing(i));
                    }
                });
                catchUp(new ReadModelStore(database, writes), things -> {
                    for (int i = 0; i < 200; i += 3) {
                        Document changed = things.find("t" + i);
                        changed.put("status", "closed");
                        changed.remove("note");
                        changed.put("added", List.of(i, "x"));
                        things.replace("t" + i, changed);
                    }
                    for (int i = 1; i < 200; i += 7) {
                        things.delete("t" + i);
                    }
                    things.replace("t2", thing(1000));
                    things.replace("new", thing(7));
                });
                // updates of documents the batch did not read, written blind: field changes (two of one document,
                // one of a document that does not exist) go direct; a page with any other operator goes to the driver
                catchUp(new ReadModelStore(database, writes), things -> {
                    things.update("t4", List.of(Updates.set("status", "blind"), Updates.unset("note"),
                            Updates.set("when", new Date(1_800_000_000_000L))));
                    things.update("t4", List.of(Updates.set("tags", List.of("c", "d"))));
                    things.update("t10", List.of(Updates.set("nested", new Document("x", -1))));
                    things.update("absent", List.of(Updates.set("status", "nowhere")));
                });
                catchUp(new ReadModelStore(database, writes), things -> {
                    things.update("t6", List.of(Updates.max("rank", 5000), Updates.set("status", "maxed")));
                    things.update("t9", List.of(Updates.set("status", "beside a $max")));
                });
                // a collection without secondary indexes does not exist once emptied: created by the first write
                catchUp(new ReadModelStore(database, writes), "fresh", fresh -> {
                    fresh.clear();
                    fresh.replace("f1", thing(1));
                });
            }
            assertThat(taken.get()).isEqualTo(4);
            assertSameReads(viaDriver, directly);
            assertThat(directly.getCollection("things").find(Filters.eq("_id", "t4")).first())
                    .containsEntry("status", "blind").containsEntry("tags", List.of("c", "d")).doesNotContainKey("note");
            assertThat(directly.getCollection("things").find(Filters.eq("_id", "t6")).first())
                    .containsEntry("rank", 5000);
            assertThat(directly.getCollection("things").countDocuments(Filters.eq("_id", "absent"))).isZero();
            assertThat(directly.listCollectionNames().into(new ArrayList<>()))
                    .containsExactlyInAnyOrderElementsOf(viaDriver.listCollectionNames().into(new ArrayList<>()));
            assertThat(indexes(directly, "fresh")).isEqualTo(indexes(viaDriver, "fresh"));
            assertThat(raw(directly, "fresh")).isEqualTo(raw(viaDriver, "fresh")).hasSize(1);

            // a unique index the direct path does not keep: the driver writes, and enforces it
            directly.getCollection("things").createIndex(Indexes.ascending("key"), new IndexOptions().unique(true).sparse(true));
            catchUp(new ReadModelStore(directly, counting), things -> things.replace("t5", thing(5).append("key", 1)));
            assertThat(taken.get()).isEqualTo(4);
            assertThat(directly.getCollection("things").find(Filters.eq("key", 1)).first()).isNotNull();
        } finally {
            first.close();
        }

        EmbeddedMongo second = new EmbeddedMongo(dir, 0);
        try (MongoClient client = MongoClients.create(second.start())) {
            MongoDatabase viaDriver = client.getDatabase("viadriver");
            MongoDatabase directly = client.getDatabase("directly");
            catchUp(new ReadModelStore(viaDriver), things -> things.replace("t5", thing(5).append("key", 1)));
            assertSameReads(viaDriver, directly);
            assertThat(raw(directly, "fresh")).isEqualTo(raw(viaDriver, "fresh")).hasSize(1);
        } finally {
            second.close();
        }
    }

    /** A page of a catch-up as the replay lanes apply it: an unbound batch, bound while the handlers run. */
    private static void catchUp(ReadModelStore store, Consumer<ReadModelCollection> handlers) {
        catchUp(store, "things", handlers);
    }

    private static void catchUp(ReadModelStore store, String collection, Consumer<ReadModelCollection> handlers) {
        try (ReadModelStore.Batch batch = store.openUnbound()) {
            batch.bind();
            try {
                handlers.accept(store.collection(collection));
            } finally {
                batch.unbind();
            }
            batch.flush();
        }
    }

    private static Document thing(int i) {
        return new Document("name", "thing é " + i + " \uD83D\uDE00")
                .append("status", i % 2 == 0 ? "open" : "queued")
                .append("rank", i)
                .append("big", 1L << 40 + i % 10)
                .append("ratio", i / 7.0)
                .append("flag", i % 3 == 0)
                .append("when", new Date(1_700_000_000_000L + i))
                .append("owner", new ObjectId(new Date(1_700_000_000_000L), i))
                .append("none", null)
                .append("note", "n" + i)
                .append("tags", List.of("a" + i % 5, "b"))
                .append("nested", new Document("x", i).append("y", List.of(new Document("z", i))))
                .append("data", Map.of("k", "v"));
    }

    private static void assertSameReads(MongoDatabase expected, MongoDatabase actual) {
        assertThat(actual.getCollection("things").countDocuments())
                .isEqualTo(expected.getCollection("things").countDocuments()).isGreaterThan(150);
        assertThat(raw(actual, Filters.empty(), Sorts.ascending("_id"), 0))
                .isEqualTo(raw(expected, Filters.empty(), Sorts.ascending("_id"), 0));
        assertThat(raw(actual, Filters.eq("status", "open"), Sorts.descending("rank"), 10))
                .isEqualTo(raw(expected, Filters.eq("status", "open"), Sorts.descending("rank"), 10));
        assertThat(raw(actual, Filters.in("tags", "a3"), Sorts.orderBy(Sorts.ascending("flag"),
                Sorts.descending("when")), 25))
                .isEqualTo(raw(expected, Filters.in("tags", "a3"), Sorts.orderBy(Sorts.ascending("flag"),
                        Sorts.descending("when")), 25));
        for (String id : List.of("t0", "t1", "t2", "t3", "t4", "t6", "t8", "t9", "t10", "new")) {
            assertThat(raw(actual, Filters.eq("_id", id), Sorts.ascending("_id"), 0))
                    .isEqualTo(raw(expected, Filters.eq("_id", id), Sorts.ascending("_id"), 0));
        }
    }

    private static List<String> raw(MongoDatabase database, String collection) {
        List<String> out = new ArrayList<>();
        database.getCollection(collection, RawBsonDocument.class).find().forEach(doc -> out.add(doc.toJson()));
        return out;
    }

    private static List<Document> indexes(MongoDatabase database, String collection) {
        List<Document> out = new ArrayList<>();
        database.getCollection(collection).listIndexes().forEach(index -> {
            index.remove("ns");
            out.add(index);
        });
        return out;
    }

    /** The documents as the server sends them, byte for byte. */
    private static List<String> raw(MongoDatabase database, org.bson.conversions.Bson filter,
                                    org.bson.conversions.Bson sort, int limit) {
        List<String> out = new ArrayList<>();
        database.getCollection("things", RawBsonDocument.class).find(filter).sort(sort).limit(limit)
                .forEach(doc -> out.add(Arrays.toString(Arrays.copyOf(doc.getByteBuffer().array(),
                        doc.getByteBuffer().limit()))));
        return out;
    }
}
