package io.xstore.server.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded MongoDB keeps its documents across a restart; prints insert and reopen figures. */
class EmbeddedMongoPersistenceTest {

    private static final int DOCUMENTS = 10_000;
    private static final int INSERT_ONE = 500;

    @TempDir
    Path dir;

    @Test
    void documentsSurviveARestart() throws Exception {
        EmbeddedMongo first = new EmbeddedMongo(dir, 0);
        String uri = first.start();
        long insertOneNanos;
        long insertManyNanos;
        try (MongoClient client = MongoClients.create(uri)) {
            MongoCollection<Document> tasks = client.getDatabase("xstore").getCollection("tasks");
            long start = System.nanoTime();
            for (int i = 0; i < INSERT_ONE; i++) {
                tasks.insertOne(document(i));
            }
            insertOneNanos = System.nanoTime() - start;
            start = System.nanoTime();
            List<Document> batch = new ArrayList<>();
            for (int i = INSERT_ONE; i < DOCUMENTS; i++) {
                batch.add(document(i));
                if (batch.size() == 1_000 || i == DOCUMENTS - 1) {
                    tasks.insertMany(batch);
                    batch.clear();
                }
            }
            insertManyNanos = System.nanoTime() - start;
        }
        first.close();

        long reopenStart = System.nanoTime();
        EmbeddedMongo second = new EmbeddedMongo(dir, 0);
        String reopenedUri = second.start();
        try (MongoClient client = MongoClients.create(reopenedUri)) {
            MongoCollection<Document> tasks = client.getDatabase("xstore").getCollection("tasks");
            long count = tasks.countDocuments();
            long reopenNanos = System.nanoTime() - reopenStart;
            Document last = tasks.find(Filters.eq("_id", id(DOCUMENTS - 1))).first();

            System.out.printf(Locale.ROOT, "embedded mongo: insertOne %.0f docs/s, insertMany %.0f docs/s, "
                    + "reopen of %d docs until first count %.2f s%n",
                    INSERT_ONE / (insertOneNanos / 1e9), (DOCUMENTS - INSERT_ONE) / (insertManyNanos / 1e9), count, reopenNanos / 1e9);
            assertThat(count).isEqualTo(DOCUMENTS);
            assertThat(last).isNotNull();
            assertThat(last.getString("name")).isEqualTo("task " + (DOCUMENTS - 1));
        } finally {
            second.close();
        }
    }

    private static Document document(int i) {
        return new Document("_id", id(i)).append("name", "task " + i).append("company", "c1")
                .append("status", i % 2 == 0 ? "created" : "completed").append("tags", List.of("a", "b"))
                .append("created", new java.util.Date());
    }

    private static String id(int i) {
        return String.format(Locale.ROOT, "%032x", i);
    }
}
