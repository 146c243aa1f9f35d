package io.xstore.server.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.xstore.migration.ops.imports.ClearmlImport;
import io.xstore.server.ApiClient;
import io.xstore.server.ServerTestSupport;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * An import of a ClearML server's data: fixtures shaped like its MongoDB documents (escaped parameter keys, the
 * artifact map) and its event indices (the reference mapping, a compressed plot) are loaded into the embedded
 * MongoDB and Elasticsearch, imported, and then read through the same API calls the SDK and web UI use, as the
 * imported user with the imported key pair. A second run imports nothing twice.
 */
class ClearmlImportIT extends ServerTestSupport {

    private static final String COMPANY = "c0ffee00c0ffee00c0ffee00c0ffee00";
    private static final String ALICE = "a11ce000000000000000000000000001";
    private static final String P1 = "f1000000000000000000000000000001";
    private static final String P2 = "f2000000000000000000000000000002";
    private static final String M1 = "d1000000000000000000000000000001";
    private static final String T1 = "71000000000000000000000000000001";
    private static final String T2 = "72000000000000000000000000000002";
    private static final String T3 = "73000000000000000000000000000003";
    private static final String T4 = "74000000000000000000000000000004";
    private static final String T5 = "75000000000000000000000000000005";
    private static final String T6 = "76000000000000000000000000000006";
    private static final String T7 = "77000000000000000000000000000007";
    private static final String GPU = "e2000000000000000000000000000002";
    private static final String OLD_FILES = "http://old-files:8081";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    private ClearmlImport clearmlImport;

    @Autowired
    private Environment environment;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void importedDataAnswersLikeSdkWrittenDataAndASecondRunAddsNothing() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String mongoUri = environment.getProperty("xstore.mongo.uri");
        String elastic = environment.getProperty("xstore.elastic.url");
        String prefix = "it" + run + "-";
        try (MongoClient mongo = MongoClients.create(mongoUri)) {
            load(mongo, "clearml-import/backend.json", "src" + run + "_backend");
            load(mongo, "clearml-import/auth.json", "src" + run + "_auth");
        }
        loadEvents(elastic, prefix);
        ClearmlImport.Options options = new ClearmlImport.Options(mongoUri, "src" + run + "_backend",
                "src" + run + "_auth", elastic, prefix, null, OLD_FILES, fileServerUrl());

        String first = clearmlImport.run(options);
        System.out.println(first);
        assertThat(first).contains("tasks 7", "projects 2", "models 1", "users 2", "credentials 1", "queues 2",
                "queue entries 2", "login: ");

        ApiClient api = new ApiClient(apiBaseUrl());
        String token = api.send("GET", "/auth.login", null, ApiClient.basic("IMPORTEDACCESSKEY0000000000001",
                "imported-secret-alice-000000000000000000000000000000000000")).data().get("token").asText();

        JsonNode tasks = ok(api, token, "tasks.get_all_ex", Map.of("project", List.of(P2), "order_by", List.of("name")))
                .get("tasks");
        assertThat(tasks).hasSize(2);
        JsonNode t1 = tasks.get(0);
        assertThat(t1.get("id").asText()).isEqualTo(T1);
        assertThat(t1.get("status").asText()).isEqualTo("completed");
        assertThat(t1.get("user").get("id").asText()).isEqualTo(ALICE); // get_all_ex joins the user
        assertThat(t1.get("hyperparams").get("Args").get("lr.init").get("value").asText()).isEqualTo("0.1");
        assertThat(t1.get("hyperparams").has("_internal")).isTrue();
        JsonNode artifacts = t1.get("execution").get("artifacts");
        assertThat(artifacts.get(0).get("key").asText()).isEqualTo("config");
        assertThat(artifacts.get(1).get("uri").asText()).startsWith(fileServerUrl() + "/vision/resnet/");
        assertThat(t1.get("started").asText()).startsWith("2024-12-02T10:06:00");
        JsonNode t2 = tasks.get(1);
        assertThat(t2.get("status").asText()).isEqualTo("published");
        JsonNode parent = t2.get("parent"); // get_all_ex joins the parent
        assertThat(parent.isObject() ? parent.get("id").asText() : parent.asText())
                .as("listed before its parent in the source").isEqualTo(T1);
        JsonNode output = t2.get("models").get("output").get(0).get("model"); // get_all_ex joins the model
        assertThat(output.isObject() ? output.get("id").asText() : output.asText()).as(t2.toString()).isEqualTo(M1);

        JsonNode alice = ok(api, token, "users.get_by_id", Map.of("user", ALICE)).get("user");
        assertThat(alice.get("name").asText()).isEqualTo("Alice Smith");
        assertThat(alice.get("given_name").asText()).isEqualTo("Alice");

        JsonNode t3 = ok(api, token, "tasks.get_by_id", Map.of("task", T3)).get("task");
        assertThat(t3.get("status").asText()).isEqualTo("failed");
        assertThat(t3.has("parent") && !t3.get("parent").isNull()).as("a parent in neither server is dropped")
                .isFalse();
        assertThat(t3.get("system_tags").toString()).contains("archived");
        queuedTasksAreImportedQueuedInTheirQueuesOrder(api, token);
        publishingBecomesPublishedUnknownBecomesClosedAndADeletedParentIsKept(api, token);

        JsonNode project = ok(api, token, "projects.get_by_id", Map.of("project", P2)).get("project");
        assertThat(project.get("name").asText()).isEqualTo("vision/resnet");
        assertThat(project.get("parent").asText()).isEqualTo(P1);

        JsonNode model = ok(api, token, "models.get_all", Map.of("id", List.of(M1))).get("models").get(0);
        assertThat(model.get("ready").asBoolean()).isTrue();
        assertThat(model.get("uri").asText()).startsWith(fileServerUrl());
        assertThat(model.get("metadata").has("epochs.max")).isTrue();

        Set<String> queues = new LinkedHashSet<>();
        ok(api, token, "queues.get_all", Map.of()).get("queues").forEach(q -> queues.add(q.get("name").asText()));
        assertThat(queues).contains("gpu");

        JsonNode scalars = ok(api, token, "events.scalar_metrics_iter_histogram", Map.of("task", T1));
        assertThat(scalars.get("loss").get("train").get("x")).hasSize(10);
        assertThat(scalars.has("Summary")).isFalse();
        assertThat(ok(api, token, "events.get_task_log", Map.of("task", T1)).get("events")).hasSize(3);
        JsonNode plots = ok(api, token, "events.get_task_plots", Map.of("task", T1)).get("plots");
        assertThat(plots).hasSize(2);
        assertThat(plots.toString()).contains("big");

        JsonNode history = ok(api, token, "history.get_task", Map.of("task", T1)).get("entries");
        JsonNode created = history.get(history.size() - 1);
        assertThat(created.get("call_id").asText()).isEqualTo("import:clearml:task:" + T1);
        assertThat(created.get("actor").get("name").asText()).isEqualTo("Alice Smith");
        assertThat(created.get("time").asText()).startsWith("2024-12-02T10:05:00");

        String second = clearmlImport.run(options);
        System.out.println(second);
        assertThat(second).contains("tasks 0 (7 already there)", "events 0 (34 already there)",
                "0 metric events written");
        assertThat(ok(api, token, "tasks.get_all_ex", Map.of("project", List.of(P2))).get("tasks")).hasSize(2);
        assertThat(ok(api, token, "events.scalar_metrics_iter_histogram", Map.of("task", T1)).get("loss")
                .get("train").get("x")).hasSize(10);
        Path report = Path.of(first.substring(first.lastIndexOf("see ") + 4, first.lastIndexOf("; login: ")));
        assertThat(Files.readString(report)).contains("99000000000000000000000000000099",
                "task " + T6 + ": status 'publishing'", "task " + T7 + ": status 'unknown' imported as closed",
                "task " + T7 + ": parent __DELETED__", "task " + T3 + ": parent 3d000000000000000000000000000030 is "
                        + "in neither server");
        assertThat(ok(api, token, "queues.get_by_id", Map.of("queue", GPU)).get("queue").get("entries"))
                .as("a second run adds no queue entry").hasSize(2);
    }

    // a task queued on the source is queued here, in its queue, in the source queue's entry order, through the
    // enqueue command: the task's and the queue's histories carry the import's call id, the entry keeps its time
    private static void queuedTasksAreImportedQueuedInTheirQueuesOrder(ApiClient api, String token) {
        for (String task : List.of(T4, T5)) {
            JsonNode t = ok(api, token, "tasks.get_by_id", Map.of("task", task)).get("task");
            assertThat(t.get("status").asText()).as(task).isEqualTo("queued");
            assertThat(t.get("execution").get("queue").asText()).isEqualTo(GPU);
        }
        JsonNode entries = ok(api, token, "queues.get_by_id", Map.of("queue", GPU)).get("queue").get("entries");
        assertThat(entries).hasSize(2);
        assertThat(entries.get(0).get("task").asText()).isEqualTo(T5);
        assertThat(entries.get(0).get("added").asText()).startsWith("2024-12-03T07:31:00");
        assertThat(entries.get(1).get("task").asText()).isEqualTo(T4);
        assertThat(ok(api, token, "history.get_task", Map.of("task", T4)).get("entries").toString())
                .contains("import:clearml:queue:" + GPU);
        assertThat(ok(api, token, "history.get_queue", Map.of("queue", GPU)).get("entries").toString())
                .contains("import:clearml:queue:" + GPU);
    }

    // publishing can only become published (spec: the state machine); unknown is outside it and is kept closed;
    // a parent in the reference's deleted form stays as it is, as tasks.delete writes it here too
    private static void publishingBecomesPublishedUnknownBecomesClosedAndADeletedParentIsKept(ApiClient api,
                                                                                                String token) {
        assertThat(ok(api, token, "tasks.get_by_id", Map.of("task", T6)).get("task").get("status").asText())
                .isEqualTo("published");
        JsonNode t7 = ok(api, token, "tasks.get_by_id", Map.of("task", T7)).get("task");
        assertThat(t7.get("status").asText()).isEqualTo("closed");
        assertThat(t7.get("parent").asText()).isEqualTo("__DELETED__7d000000000000000000000000000070");
    }

    private static JsonNode ok(ApiClient api, String token, String endpoint, Object body) {
        ApiClient.Reply reply = api.send("POST", "/" + endpoint, body, "Bearer " + token);
        assertThat(reply.status()).as(endpoint + " " + reply.body()).isEqualTo(200);
        return reply.data();
    }

    private static void load(MongoClient mongo, String resource, String database) throws IOException {
        JsonNode collections = JSON.readTree(resource(resource));
        Iterator<Map.Entry<String, JsonNode>> fields = collections.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> collection = fields.next();
            List<Document> docs = new ArrayList<>();
            collection.getValue().forEach(doc -> docs.add(Document.parse(doc.toString())));
            mongo.getDatabase(database).getCollection(collection.getKey()).insertMany(docs);
        }
    }

    private void loadEvents(String elastic, String prefix) throws Exception {
        String mapping = new String(resource("clearml-import/events-index.json").readAllBytes(),
                StandardCharsets.UTF_8);
        Set<String> created = new LinkedHashSet<>();
        StringBuilder bulk = new StringBuilder();
        for (String line : new String(resource("clearml-import/events.ndjson").readAllBytes(),
                StandardCharsets.UTF_8).split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode entry = JSON.readTree(line);
            String index = prefix + entry.get("index").asText();
            if (created.add(index)) {
                send("PUT", elastic + "/" + index, mapping, "application/json");
            }
            bulk.append("{\"index\":{\"_index\":\"").append(index).append("\"}}\n").append(entry.get("doc"))
                    .append('\n');
        }
        send("POST", elastic + "/_bulk?refresh=true", bulk.toString(), "application/x-ndjson");
    }

    private void send(String method, String url, String body, String contentType) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url + " " + response.body()).isLessThan(300);
        assertThat(response.body()).doesNotContain("\"errors\":true");
    }

    private static InputStream resource(String name) {
        return ClearmlImportIT.class.getClassLoader().getResourceAsStream(name);
    }
}
