package io.xstore.server.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

/** When the embedded MongoDB asks for a rebuild of the read models, per storage mode. */
class EmbeddedMongoStorageTest {

    @TempDir
    Path dir;

    @Test
    void diskIsTheDefaultAndTheModeIsCaseInsensitive() {
        assertThat(MongoStorage.from(new MockEnvironment())).isEqualTo(MongoStorage.DISK);
        assertThat(MongoStorage.from(new MockEnvironment().withProperty(MongoStorage.PROPERTY, "Memory")))
                .isEqualTo(MongoStorage.MEMORY);
        assertThatThrownBy(() -> MongoStorage.from(new MockEnvironment().withProperty(MongoStorage.PROPERTY, "tape")))
                .hasMessageContaining("'disk' or 'memory'");
    }

    @Test
    void inMemoryEveryStartIsEmpty() throws Exception {
        runOnce(MongoStorage.MEMORY, uri -> insert(uri, "lost"));

        runOnce(MongoStorage.MEMORY, uri -> assertThat(count(uri)).isZero());
    }

    @Test
    void onDiskTheDocumentsStay() throws Exception {
        runOnce(MongoStorage.DISK, uri -> insert(uri, "kept"));

        runOnce(MongoStorage.DISK, uri -> assertThat(count(uri)).isEqualTo(1));
    }

    @Test
    void goingToMemoryDiscardsTheFileSoThatGoingBackToDiskStartsEmpty() throws Exception {
        runOnce(MongoStorage.DISK, uri -> insert(uri, "stale soon"));

        runOnce(MongoStorage.MEMORY, uri -> { });

        runOnce(MongoStorage.DISK, uri -> assertThat(count(uri)).isZero());
    }

    @Test
    void anUnreadableFileIsSetAsideAndANewOneStarted() throws Exception {
        Files.write(dir.resolve("mongo.mv.db"), new byte[64 * 1024]);

        runOnce(MongoStorage.DISK, uri -> assertThat(count(uri)).isZero());

        try (var files = Files.list(dir)) {
            assertThat(files.map(file -> file.getFileName().toString()))
                    .anyMatch(name -> name.startsWith("mongo.mv.db.unreadable-"));
        }
    }

    private interface Check {
        void run(String uri) throws Exception;
    }

    private void runOnce(MongoStorage storage, Check check) throws Exception {
        EmbeddedMongo mongo = new EmbeddedMongo(dir, 0, storage);
        try {
            check.run(mongo.start());
        } finally {
            mongo.close();
        }
    }

    private static void insert(String uri, String id) {
        try (MongoClient client = MongoClients.create(uri)) {
            client.getDatabase("xstore").getCollection("tasks").insertOne(new Document("_id", id));
        }
    }

    private static long count(String uri) {
        try (MongoClient client = MongoClients.create(uri)) {
            return client.getDatabase("xstore").getCollection("tasks").countDocuments();
        }
    }
}
