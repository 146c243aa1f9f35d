package io.xstore.server.embedded.h2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.xstore.projection.store.DirectDocumentWrites;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.io.TempDir;

/** The embedded MongoDB file in its own storage format: what goes in comes out, and old files are carried over. */
class H2FileBackendTest {

    @TempDir
    Path dir;

    @Test
    void everyBsonValueComesBackAfterAReopen() throws Exception {
        Path file = dir.resolve("m.mv.db");
        Document written = new Document("_id", "t1")
                .append("int", 7).append("long", 1L << 40).append("double", 0.5).append("bool", true)
                .append("null", null).append("date", Date.from(Instant.parse("2026-12-06T10:00:00Z")))
                .append("oid", new ObjectId("0123456789abcdef01234567"))
                .append("bytes", new Binary(new byte[] {1, 2, 3}))
                .append("list", List.of("a", 1, new Document("x", List.of())))
                .append("nested", new Document("deeper", new Document("k", "v")));
        with(H2FileBackend.open(file), tasks -> tasks.insertOne(written));

        with(H2FileBackend.open(file), tasks -> assertThat(tasks.find(Filters.eq("_id", "t1")).first())
                .isEqualTo(written));
    }

    @Test
    void aDocumentACrashLeftWithoutItsIdIndexEntryIsReplacedByTheNextInsertOfItsId() throws Exception {
        Path file = dir.resolve("m.mv.db");
        with(H2FileBackend.open(file), tasks -> tasks.insertOne(new Document("_id", "t0")));
        // the state a kill -9 can leave (the file commits in the background): a document kept, its _id entry not
        MVStore store = new MVStore.Builder().fileName(file.toString()).open();
        store.openMap("databases.xstore.tasks", new MVMap.Builder<Object, Object>().valueType(DocumentType.INSTANCE))
                .put("t1", DocumentType.stored(new de.bwaldvogel.mongo.bson.Document("_id", "t1").append("name", "old")));
        store.close();

        with(H2FileBackend.open(file), tasks -> {
            tasks.insertOne(new Document("_id", "t1").append("name", "new"));
            assertThat(tasks.find(Filters.eq("_id", "t1")).first()).containsEntry("name", "new");
            assertThat(tasks.countDocuments()).isEqualTo(2);
            assertThatThrownBy(() -> tasks.insertOne(new Document("_id", "t1")))
                    .as("the _id index has its entry again").hasMessageContaining("duplicate key");
        });
    }

    @Test
    void uniqueIndexesStillRefuseDuplicatesOfEveryKeyType() throws Exception {
        Path file = dir.resolve("m.mv.db");
        with(H2FileBackend.open(file), tasks -> {
            tasks.createIndex(Indexes.ascending("company", "name"), new IndexOptions().unique(true));
            tasks.insertOne(new Document("_id", 1).append("company", "c").append("name", "a"));
            tasks.insertOne(new Document("_id", 2L).append("company", "c").append("name", 5));
            tasks.insertOne(new Document("_id", new ObjectId()).append("company", "c").append("name", 2.5));
        });

        with(H2FileBackend.open(file), tasks -> {
            for (Object name : List.of("a", 5, 2.5)) {
                assertThatThrownBy(() -> tasks.insertOne(new Document("company", "c").append("name", name)))
                        .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
            }
            assertThatThrownBy(() -> tasks.insertOne(new Document("_id", 1)))
                    .hasMessageContaining("duplicate key");
            tasks.insertOne(new Document("company", "d").append("name", "a"));
            assertThat(tasks.countDocuments()).isEqualTo(4);
            assertThat(tasks.find(Filters.eq("_id", 2L)).first()).containsEntry("name", 5);
        });
    }

    @Test
    void aFileOfThePlainBackendIsUpgradedOnceWithItsIndexes() throws Exception {
        Path file = dir.resolve("m.mv.db");
        with(new H2Backend(file.toString()), tasks -> {
            tasks.createIndex(Indexes.ascending("name"), new IndexOptions().unique(true));
            tasks.createIndex(Indexes.ascending("status"));
            List<Document> many = new ArrayList<>();
            for (int i = 0; i < 2500; i++) {
                many.add(new Document("_id", "t" + i).append("name", "task " + i).append("status", "created"));
            }
            tasks.insertMany(many);
        });

        with(H2FileBackend.open(file), tasks -> {
            assertThat(tasks.countDocuments()).isEqualTo(2500);
            assertThat(tasks.find(Filters.eq("_id", "t2499")).first()).containsEntry("name", "task 2499");
            assertThat(tasks.listIndexes().map(index -> index.getString("name")).into(new ArrayList<>()))
                    .contains("name_1", "status_1");
            assertThatThrownBy(() -> tasks.insertOne(new Document("name", "task 7")))
                    .hasMessageContaining("duplicate key");
        });
        long upgradedSize = Files.size(file);

        with(H2FileBackend.open(file), tasks -> assertThat(tasks.countDocuments()).isEqualTo(2500));
        assertThat(Files.size(file)).isLessThanOrEqualTo(upgradedSize * 2);
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly("m.mv.db");
        }
    }

    @Test
    void documentsReadBackFromTheFileCanBeUpdatedAndRemoved() throws Exception {
        Path file = dir.resolve("m.mv.db");
        with(H2FileBackend.open(file), tasks -> tasks.insertMany(List.of(
                new Document("_id", "t1").append("status", "created").append("tags", List.of("a")),
                new Document("_id", "t2").append("status", "created"))));

        with(H2FileBackend.open(file), tasks -> {
            tasks.updateOne(Filters.eq("_id", "t1"), new Document("$set", new Document("status", "in_progress"))
                    .append("$push", new Document("tags", "b")));
            tasks.deleteOne(Filters.eq("_id", "t2"));
            assertThat(tasks.find(Filters.eq("_id", "t1")).first())
                    .containsEntry("status", "in_progress").containsEntry("tags", List.of("a", "b"));
        });

        with(H2FileBackend.open(file), tasks -> {
            assertThat(tasks.find().into(new ArrayList<>())).containsExactly(new Document("_id", "t1")
                    .append("status", "in_progress").append("tags", List.of("a", "b")));
        });
    }

    /**
     * Replacements and top-level field changes by {@code _id}, stored without the library's update path, answer
     * and store what mongo-java-server's own path (its in-memory backend here) does, and survive a reopen.
     */
    @Test
    void replacementsByIdAnswerAndStoreAsTheLibraryDoes() throws Exception {
        Path file = dir.resolve("m.mv.db");
        List<String> stored = replacements(H2FileBackend.open(file));

        assertThat(stored).isEqualTo(replacements(new MemoryBackend()));
        with(H2FileBackend.open(file), tasks -> assertThat(tasks.find().into(new ArrayList<>()).toString())
                .isEqualTo(stored.get(stored.size() - 1)));
    }

    /**
     * A direct insert (what the projectors write for a new document) over a document a crash left in the file without
     * its _id index entry takes the document's place instead of failing, and the index has the entry again.
     */
    @Test
    void aDirectInsertReplacesWhatACrashLeftWithoutItsIdIndexEntry() throws Exception {
        Path file = dir.resolve("m.mv.db");
        with(H2FileBackend.open(file), tasks -> tasks.insertOne(new Document("_id", "t0")));
        MVStore store = new MVStore.Builder().fileName(file.toString()).open();
        store.openMap("databases.xstore.tasks", new MVMap.Builder<Object, Object>().valueType(DocumentType.INSTANCE))
                .put("t1", DocumentType.stored(new de.bwaldvogel.mongo.bson.Document("_id", "t1").append("n", 0)));
        store.close();

        H2FileBackend backend = H2FileBackend.open(file);
        H2DirectWrites direct = new H2DirectWrites(backend);
        with(backend, tasks -> {
            assertThat(direct.write("xstore", "tasks", List.of(
                    new DirectDocumentWrites.Insert("t1", bson(new Document("_id", "t1").append("n", 1)))))).isTrue();
            assertThat(tasks.find(Filters.eq("_id", "t1")).first()).containsEntry("n", 1);
            assertThatThrownBy(() -> direct.write("xstore", "tasks", List.of(
                    new DirectDocumentWrites.Insert("t1", bson(new Document("_id", "t1"))))))
                    .hasMessageContaining("duplicate key");
        });
    }

    private static byte[] bson(Document document) {
        org.bson.RawBsonDocument raw = org.bson.RawBsonDocument.parse(document.toJson());
        return java.util.Arrays.copyOfRange(raw.getByteBuffer().array(), 0, raw.getByteBuffer().remaining());
    }

    /** A direct read by id gives the very BSON a read through the driver gives, and nothing for what is absent. */
    @Test
    void directReadsByIdAreWhatTheDriverReads() throws Exception {
        H2FileBackend backend = H2FileBackend.open(dir.resolve("m.mv.db"));
        H2DirectReads direct = new H2DirectReads(backend);
        with(backend, tasks -> {
            tasks.insertOne(new Document("_id", "t1").append("name", "first").append("n", 1)
                    .append("nested", new Document("a", List.of(1, "b"))));
            tasks.updateOne(Filters.eq("_id", "t1"), new Document("$set", new Document("n", 2)));

            var viaDriver = tasks.withDocumentClass(org.bson.RawBsonDocument.class).find(Filters.eq("_id", "t1"))
                    .first();
            assertThat(direct.find("xstore", "tasks", "t1")).isEqualTo(viaDriver);
            assertThat(direct.find("xstore", "tasks", "t2")).isNull();
            assertThat(direct.find("xstore", "no_such_collection", "t1")).isNull();
        });
    }

    /** The answers to a series of replacements by id, then the documents they left. */
    private static List<String> replacements(MongoBackend backend) {
        List<String> out = new ArrayList<>();
        with(backend, tasks -> {
            ReplaceOptions upsert = new ReplaceOptions().upsert(true);
            Document first = new Document("_id", "r1").append("status", "created").append("n", 1)
                    .append("nested", new Document("a", List.of(1, 2)));
            out.add(tasks.replaceOne(Filters.eq("_id", "r1"), first, upsert).toString());
            out.add(tasks.replaceOne(Filters.eq("_id", "r1"), first, upsert).toString());
            out.add(tasks.replaceOne(Filters.eq("_id", "r1"), new Document("_id", "r1").append("n", 2), upsert)
                    .toString());
            out.add(tasks.replaceOne(Filters.eq("_id", "r2"), new Document("_id", "r2"), new ReplaceOptions())
                    .toString());
            out.add(tasks.replaceOne(Filters.eq("_id", "r3"), new Document("_id", "r3").append("x", "y"), upsert)
                    .toString());
            out.add(tasks.updateOne(Filters.eq("_id", "r3"), new Document("$set", new Document("z", 1)
                    .append("x", List.of("y")))).toString());
            out.add(tasks.updateOne(Filters.eq("_id", "r3"), new Document("$set", new Document("z", 1))).toString());
            out.add(tasks.updateOne(Filters.eq("_id", "r1"), new Document("$set", new Document("status", "queued"))
                    .append("$unset", new Document("n", "").append("absent", ""))).toString());
            out.add(tasks.updateOne(Filters.eq("_id", "r9"), new Document("$set", new Document("a", 1))).toString());
            out.add(tasks.updateOne(Filters.eq("_id", "r1"), new Document("$set", new Document("nested.a", 3)))
                    .toString());
            out.add(tasks.find().into(new ArrayList<>()).toString());
        });
        return out;
    }

    /**
     * Documents skipped undecoded for lacking a queried string are exactly those the full match refuses, in finds and
     * in aggregations alike.
     */
    @Test
    void scansFindWhatTheFullMatchFinds() throws Exception {
        Path file = dir.resolve("m.mv.db");
        List<Document> many = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            many.add(new Document("_id", "t" + i).append("status", List.of("created", "in_progress", "stopped")
                    .get(i % 3)).append("comment", i % 5 == 0 ? "in_progress elsewhere" : "")
                    .append("tags", i % 7 == 0 ? List.of("in_progress", "x") : List.of())
                    .append("n", i));
        }
        with(H2FileBackend.open(file), tasks -> tasks.insertMany(many));
        List<org.bson.conversions.Bson> queries = List.of(Filters.eq("status", "in_progress"),
                Filters.and(Filters.eq("status", "in_progress"), Filters.lt("n", 150)),
                Filters.eq("tags", "in_progress"), Filters.eq("status", "gone"),
                Filters.and(Filters.eq("status", "created"), Filters.eq("comment", "in_progress elsewhere")));
        with(H2FileBackend.open(file), tasks -> {
            for (var query : queries) {
                List<Document> found = tasks.find(query).into(new ArrayList<>());
                List<Document> expected = many.stream().filter(doc -> matches(doc, query)).toList();
                assertThat(found).as(query.toString()).containsExactlyInAnyOrderElementsOf(expected);
                // an aggregation: the collection streamed through $match and $group
                assertThat(tasks.countDocuments(query)).as("count of " + query).isEqualTo(expected.size());
            }
            assertThat(tasks.countDocuments()).isEqualTo(many.size());
        });
    }

    private static boolean matches(Document doc, org.bson.conversions.Bson query) {
        String json = query.toBsonDocument().toJson();
        int n = doc.getInteger("n");
        String status = doc.getString("status");
        return switch (json) {
            case "{\"status\": \"in_progress\"}" -> status.equals("in_progress");
            case "{\"$and\": [{\"status\": \"in_progress\"}, {\"n\": {\"$lt\": 150}}]}" ->
                    status.equals("in_progress") && n < 150;
            case "{\"tags\": \"in_progress\"}" -> n % 7 == 0;
            case "{\"status\": \"gone\"}" -> false;
            default -> status.equals("created") && n % 5 == 0;
        };
    }

    /** The bounded-heap page of a sorted query is exactly that page of the full sort (a query without a limit). */
    @Test
    void sortedPagesAreThoseOfAFullSortTiesAndMissingValuesIncluded() throws Exception {
        List<Document> many = new ArrayList<>();
        for (int i = 0; i < 700; i++) {
            Document task = new Document("_id", String.format("t%04d", (i * 37) % 700))
                    .append("status", i % 3 == 0 ? "created" : "queued").append("rank", i % 11);
            if (i % 7 != 0) {
                task.append("last_update", Date.from(Instant.parse("2026-12-06T10:00:00Z").plusSeconds(i % 50)));
            }
            many.add(task);
        }
        List<Document> orders = List.of(
                new Document("last_update", -1), new Document("last_update", 1),
                new Document("last_update", -1).append("_id", 1), new Document("rank", 1).append("last_update", -1));
        Document projection = new Document("rank", 1).append("last_update", 1);
        with(H2FileBackend.open(dir.resolve("m.mv.db")), tasks -> {
            tasks.insertMany(many);
            for (Document order : orders) {
                for (var filter : List.of(Filters.in("status", "created", "queued"), Filters.eq("status", "created"))) {
                    List<Document> all = tasks.find(filter).sort(order).projection(projection)
                            .into(new ArrayList<>());
                    for (int skip : List.of(0, 50, 180, 230, 690)) {
                        List<Document> page = tasks.find(filter).sort(order).skip(skip).limit(50)
                                .projection(projection).into(new ArrayList<>());
                        assertThat(page).as("%s skip %d", order, skip)
                                .isEqualTo(all.subList(Math.min(skip, all.size()), Math.min(skip + 50, all.size())));
                    }
                }
            }
        });
    }

    private static void with(MongoBackend backend, Consumer<MongoCollection<Document>> action) {
        MongoServer server = new MongoServer(backend);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort())) {
            action.accept(client.getDatabase("xstore").getCollection("tasks"));
        } finally {
            server.shutdown();
        }
    }
}
