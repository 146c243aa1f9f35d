package io.xstore.server.wiring;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.xstore.readmodel.Collections;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The read-model answers of the wiring beans, on an in-memory MongoDB. */
class ReadModelPortsTest {

    private static final Instant NOW = Instant.parse("2025-01-13T16:32:13Z");
    private static final String COMPANY = "company1";

    private static MongoServer server;
    private static MongoClient client;

    private MongoDatabase database;

    @BeforeAll
    static void startMongo() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
    }

    @AfterAll
    static void stopMongo() {
        client.close();
        server.shutdownNow();
    }

    @BeforeEach
    void setUp() {
        database = client.getDatabase("ports-" + UUID.randomUUID().toString().substring(0, 8));
    }

    private void task(String id, String company, String project, List<String> systemTags) {
        database.getCollection(Collections.TASKS).insertOne(new Document("_id", id).append("company", company)
                .append("project", project).append("system_tags", systemTags).append("last_update", Date.from(NOW)));
    }

    private void workerReport(String id, String worker, Instant at) {
        database.getCollection(Collections.TASKS).updateOne(new Document("_id", id), new Document("$set",
                new Document("last_worker", worker).append("last_update", Date.from(at))));
    }

    private ReadModelTaskLiveness liveness() {
        return new ReadModelTaskLiveness(database, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void aTaskReportedByAWorkerWithin600SecondsHasALiveWorker() {
        task("t1", COMPANY, "p1", List.of());
        workerReport("t1", "agent:0", NOW.minusSeconds(599));

        assertThat(liveness().hasLiveWorker("t1", COMPANY)).isTrue();
    }

    @Test
    void aWorkerSilentFor600SecondsIsNotLive() {
        task("t1", COMPANY, "p1", List.of());
        workerReport("t1", "agent:0", NOW.minusSeconds(600));

        assertThat(liveness().hasLiveWorker("t1", COMPANY)).isFalse();
    }

    @Test
    void aTaskWithoutWorkerHasNoLiveWorker() {
        task("t1", COMPANY, "p1", List.of());

        assertThat(liveness().hasLiveWorker("t1", COMPANY)).isFalse();
    }

    @Test
    void anotherCompanysTaskHasNoLiveWorker() {
        task("t1", "company2", "p1", List.of());
        workerReport("t1", "agent:0", NOW);

        assertThat(liveness().hasLiveWorker("t1", COMPANY)).isFalse();
    }

    @Test
    void archivedTasksDoNotCountButAreListed() {
        task("t1", COMPANY, "p1", List.of("development"));
        task("t2", COMPANY, "p1", List.of("archived"));
        task("t3", COMPANY, "p2", List.of());
        ReadModelProjectContents contents = new ReadModelProjectContents(database);

        assertThat(contents.taskCount("p1")).isEqualTo(1);
        assertThat(contents.taskIds("p1")).containsExactlyInAnyOrder("t1", "t2");
    }

    @Test
    void archivedModelsDoNotCountButAreListed() {
        database.getCollection(Collections.MODELS).insertMany(List.of(
                new Document("_id", "m1").append("project", "p1").append("system_tags", List.of()),
                new Document("_id", "m2").append("project", "p1").append("system_tags", List.of("archived"))));
        ReadModelProjectContents contents = new ReadModelProjectContents(database);

        assertThat(contents.modelCount("p1")).isEqualTo(1);
        assertThat(contents.modelIds("p1")).containsExactlyInAnyOrder("m1", "m2");
    }

    @Test
    void ownAndPublicTasksExistForModelsButNotOtherCompanies() {
        task("own", COMPANY, "p1", List.of());
        task("public", "", "p1", List.of());
        task("foreign", "company2", "p1", List.of());
        TaskLinksForModels links = new TaskLinksForModels(null, database);

        assertThat(links.taskExists("own", COMPANY)).isTrue();
        assertThat(links.taskExists("public", COMPANY)).isTrue();
        assertThat(links.taskExists("foreign", COMPANY)).isFalse();
        assertThat(links.taskExists("missing", COMPANY)).isFalse();
    }
}
