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
    void inMemoryEveryStartIsEmptyAndAsksForARebuild() throws Exception {
        runOnce(MongoStorage.MEMORY, true, uri -> insert(uri, "lost"));
        afterRebuild();

        runOnce(MongoStorage.MEMORY, true, uri -> assertThat(count(uri)).isZero());
    }

    @Test
    void onDiskOnlyANewFileOrAnUncleanShutdownAsksForARebuild() throws Exception {
        runOnce(MongoStorage.DISK, true, uri -> insert(uri, "kept"));
        afterRebuild();

        runOnce(MongoStorage.DISK, false, uri -> assertThat(count(uri)).isEqualTo(1));

        Files.delete(dir.resolve("closed-cleanly")); // as if the last run had been killed
        runOnce(MongoStorage.DISK, true, uri -> assertThat(count(uri)).isEqualTo(1));
    }

    @Test
    void goingToMemoryDiscardsTheFileSoThatGoingBackToDiskRebuilds() throws Exception {
        runOnce(MongoStorage.DISK, true, uri -> insert(uri, "stale soon"));
        afterRebuild();

        runOnce(MongoStorage.MEMORY, true, uri -> { });
        afterRebuild();

        runOnce(MongoStorage.DISK, true, uri -> assertThat(count(uri)).isZero());
    }

    private interface Check {
        void run(String uri) throws Exception;
    }

    private void runOnce(MongoStorage storage, boolean rebuildExpected, Check check) throws Exception {
        EmbeddedMongo mongo = new EmbeddedMongo(dir, 0, storage);
        try {
            String uri = mongo.start();
            assertThat(Files.exists(EmbeddedMongo.rebuildFlag(dir))).as("rebuild flagged").isEqualTo(rebuildExpected);
            check.run(uri);
        } finally {
            mongo.close();
        }
    }

    /** What {@link ReadModelWarmup} does once the replay is done. */
    private void afterRebuild() throws Exception {
        Files.deleteIfExists(EmbeddedMongo.rebuildFlag(dir));
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
