package io.xstore.server.api;

import com.auth0.jwt.JWT;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.fasterxml.jackson.databind.JsonNode;
import io.xstore.server.ApiClient;
import io.xstore.server.ServerTestSupport;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.xstore.server.api.TestApi.body;
import static io.xstore.server.api.TestApi.reEscape;
import static io.xstore.server.api.TestApi.unique;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replays the requests of a plain SDK run (Task.init, upload_artifact, output model, close; docs/api/tasks.md)
 * as the SDK sends them, and checks the type of every response key the SDK parses.
 */
class SdkTraceIT extends ServerTestSupport {

    private SdkSession sdk;
    private String projectName;

    @BeforeEach
    void setUp() {
        sdk = new SdkSession(apiBaseUrl());
        projectName = unique("sdk examples");
    }

    /** The envelope the SDK's CallResult requires, then the data. */
    private JsonNode ok(String endpoint, Object body) {
        return checked(endpoint, sdk.send(endpoint, body));
    }

    private static JsonNode checked(String endpoint, ApiClient.Reply reply) {
        assertThat(reply.status()).as("%s -> %s", endpoint, reply.body()).isEqualTo(200);
        JsonNode meta = reply.meta();
        WireShapes.id(meta, "id");
        WireShapes.string(meta, "trx");
        WireShapes.integer(meta, "result_code");
        WireShapes.integer(meta, "result_subcode");
        WireShapes.string(meta, "result_msg");
        assertThat(meta.get("endpoint").get("name").asText()).isEqualTo(endpoint);
        assertThat(meta.get("endpoint").get("requested_version").asText()).isEqualTo(SdkSession.VERSION);
        assertThat(meta.get("endpoint").get("actual_version").isTextual()).isTrue();
        assertThat(reply.data().isObject()).as("data of %s", endpoint).isTrue();
        return reply.data();
    }

    @Test
    void aPlainScriptRunsFromTaskInitToClose() {
        login();
        Run run = taskInit();
        reportWhileRunning(run);
        uploadArtifact(run);
        outputModel(run);
        close(run);
    }

    @Test
    void consoleAndScalarEventsAreAcceptedAsJsonLines() {
        login();
        Run run = taskInit();
        List<Map<String, Object>> lines = new ArrayList<>();
        long now = Instant.now().toEpochMilli();
        lines.add(body("task", run.task, "timestamp", now, "level", "info", "worker", "test-host:0",
                "msg", "ClearML Task: created new task id=" + run.task, "type", "log"));
        for (int i = 0; i < 3; i++) {
            lines.add(body("task", run.task, "timestamp", now, "metric", "loss", "variant", "train", "iter", i,
                    "value", 1.0 / (i + 1), "type", "training_stats_scalar", "model_event", false));
        }

        ApiClient.Reply reply = sdk.sendBatch("events.add_batch", lines);

        Assumptions.assumeTrue(reply.status() != 404, "events.add_batch is not registered yet");
        JsonNode data = checked("events.add_batch", reply);
        WireShapes.integer(data, "added");
        WireShapes.integer(data, "errors");
        assertThat(data.get("added").asInt()).isEqualTo(4);
        assertThat(data.get("errors").asInt()).isZero();
    }

    // ---- Task.init ----

    private void login() {
        ApiClient.Reply reply = sdk.login(ACCESS_KEY, SECRET_KEY);
        assertThat(reply.status()).as("auth.login -> %s", reply.body()).isEqualTo(200);
        assertThat(reply.meta().get("endpoint").get("name").asText()).isEqualTo("auth.login");
        WireShapes.string(reply.data(), "token");
        DecodedJWT jwt = JWT.decode(reply.data().get("token").asText());
        assertThat(Double.parseDouble(jwt.getClaim("api_version").asString())).isGreaterThanOrEqualTo(2.23);
        assertThat(jwt.getClaim("server_version").asString()).isNotBlank();
        assertThat(jwt.getClaim("feature_set").asString()).isEqualTo("basic");
        assertThat(jwt.getExpiresAt()).isAfter(Instant.now());
    }

    private Run taskInit() {
        JsonNode found = ok("projects.get_all", body("name", "^" + reEscape(projectName) + "$",
                "only_fields", List.of("id"), "search_hidden", true));
        WireShapes.list(found, "projects");
        assertThat(found.get("projects")).isEmpty();

        JsonNode created = ok("projects.create", body("name", projectName, "description", ""));
        WireShapes.id(created, "id");
        String project = created.get("id").asText();
        JsonNode again = ok("projects.get_all", body("name", "^" + reEscape(projectName) + "$",
                "only_fields", List.of("id"), "search_hidden", true));
        assertThat(again.get("projects")).hasSize(1);
        assertThat(again.get("projects").get(0).get("id").asText()).isEqualTo(project);

        JsonNode task = ok("tasks.create", body("name", "demo", "type", "training",
                "comment", "Auto-generated at 2025-01-13 16:32:13 UTC by tester@test-host", "project", project,
                "system_tags", List.of("development")));
        WireShapes.id(task, "id");
        Run run = new Run(project, task.get("id").asText());
        JsonNode doc = reload(run);
        assertThat(doc.get("status").asText()).isEqualTo("created");
        assertThat(doc.get("system_tags")).extracting(JsonNode::asText).containsExactly("development");

        JsonNode started = ok("tasks.started", body("task", run.task, "force", false));
        WireShapes.integer(started, "started");
        WireShapes.updated(started);
        assertThat(reload(run).get("status").asText()).isEqualTo("in_progress");

        edit(run, body("tags", List.of("sdk-trace")));
        reload(run);
        edit(run, body("script", body("repository", "https://github.com/example/repo.git", "branch", "main",
                "version_num", "0123456789abcdef0123456789abcdef01234567", "entry_point", "train.py",
                "working_dir", ".", "binary", "python3.11", "diff", "",
                "requirements", Map.of("pip", "clearml==1.17.0\n"))));
        reload(run);
        JsonNode requirements = ok("tasks.set_requirements", body("task", run.task,
                "requirements", Map.of("pip", "clearml==1.17.0\nnumpy==1.26.4\n")));
        WireShapes.updated(requirements);

        JsonNode projectDoc = ok("projects.get_by_id", body("project", project)).get("project");
        WireShapes.project(projectDoc);
        assertThat(projectDoc.get("name").asText()).isEqualTo(projectName);

        reload(run);
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("lr", body("section", "Args", "name", "lr", "value", "0.01", "type", "float", "description", ""));
        args.put("epochs", body("section", "Args", "name", "epochs", "value", "10", "type", "int"));
        edit(run, body("hyperparams", Map.of("Args", args)));
        reload(run);
        edit(run, body("runtime", Map.of("CLEARML VERSION", "clearml-1.17.0", "CLI", "train.py", "progress", "0")));
        reload(run);
        edit(run, body("runtime", Map.of("CLEARML VERSION", "clearml-1.17.0", "CLI", "train.py", "progress", "0",
                "cpu_cores", "2", "gpu_count", "0")));

        JsonNode doc2 = reload(run);
        assertThat(doc2.get("tags")).extracting(JsonNode::asText).containsExactly("sdk-trace");
        assertThat(doc2.get("script").get("requirements").get("pip").asText()).contains("numpy");
        assertThat(doc2.get("script").get("entry_point").asText()).isEqualTo("train.py");
        assertThat(doc2.get("hyperparams").get("Args").get("lr").get("value").asText()).isEqualTo("0.01");
        assertThat(doc2.get("runtime").get("cpu_cores").asText()).isEqualTo("2");
        return run;
    }

    /** The background threads: abort poll, ping, resource monitor's iteration lookup. */
    private void reportWhileRunning(Run run) {
        JsonNode poll = ok("tasks.get_all", body("id", List.of(run.task),
                "only_fields", List.of("status", "status_message", "id")));
        WireShapes.list(poll, "tasks");
        JsonNode polled = poll.get("tasks").get(0);
        assertThat(polled.get("id").asText()).isEqualTo(run.task);
        assertThat(polled.get("status").asText()).isEqualTo("in_progress");
        WireShapes.string(polled, "status_message");

        JsonNode ping = ok("tasks.ping", body("task", run.task));
        assertThat(ping.size()).isZero();

        JsonNode iteration = ok("tasks.get_all", body("id", List.of(run.task),
                "only_fields", List.of("last_iteration")));
        WireShapes.integer(iteration.get("tasks").get(0), "last_iteration");
    }

    // ---- upload_artifact ----

    private void uploadArtifact(Run run) {
        Map<String, Object> artifact = body("key", "data", "type", "pandas",
                "uri", "http://127.0.0.1:8081/" + projectName + "/demo." + run.task + "/artifacts/data/data.csv.gz",
                "content_size", 1234, "hash", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                "timestamp", Instant.now().getEpochSecond(),
                "type_data", body("preview", "a,b\n1,2\n", "content_type", "text/csv"),
                "display_data", List.of(List.of("rows", "1"), List.of("cols", "2")));

        JsonNode updated = ok("tasks.add_or_update_artifacts", body("task", run.task,
                "artifacts", List.of(artifact), "force", true));

        WireShapes.integer(updated, "updated");
        JsonNode artifacts = reload(run).get("execution").get("artifacts");
        assertThat(artifacts).hasSize(1);
        assertThat(artifacts.get(0).get("key").asText()).isEqualTo("data");
        assertThat(artifacts.get(0).get("mode").asText()).isEqualTo("output");
        assertThat(artifacts.get(0).get("content_size").asInt()).isEqualTo(1234);
    }

    // ---- output model ----

    private void outputModel(Run run) {
        JsonNode created = ok("models.create", body("uri", "file:///tmp/uploading_file",
                "name", "Anonymous model 2025-01-13 16:32:13", "labels", Map.of(), "project", run.project));
        WireShapes.id(created, "id");
        WireShapes.bool(created, "created");
        String model = created.get("id").asText();
        reloadModel(model);

        JsonNode edited = ok("models.edit", body("model", model, "uri", "file:///tmp/uploading_file",
                "name", "demo", "comment", "Created by task id: " + run.task, "labels", Map.of(),
                "design", Map.of("design", ""), "framework", "PyTorch", "task", run.task, "project", run.project,
                "tags", List.of(), "system_tags", List.of()));
        WireShapes.updated(edited);
        reloadModel(model);

        JsonNode attached = ok("tasks.add_or_update_model", body("task", run.task, "name", "model",
                "type", "output", "model", model, "iteration", 9));
        WireShapes.integer(attached, "updated");
        reloadModel(model);

        ok("models.edit", body("model", model, "uri", "file:///tmp/sdk-trace/model.pt", "task", run.task,
                "framework", "PyTorch"));
        JsonNode doc = reloadModel(model);
        assertThat(doc.get("uri").asText()).isEqualTo("file:///tmp/sdk-trace/model.pt");
        assertThat(doc.get("task").asText()).isEqualTo(run.task);

        JsonNode reuse = ok("models.get_all", body("uri", List.of("file:///tmp/sdk-trace/model.pt"),
                "only_fields", List.of("id", "name", "created"), "system_tags", List.of("-archived")));
        WireShapes.list(reuse, "models");
        assertThat(reuse.get("models")).extracting(m -> m.get("id").asText()).contains(model);
        reuse.get("models").forEach(m -> WireShapes.date(m, "created"));

        JsonNode task = reload(run);
        assertThat(task.get("models").get("output")).extracting(m -> m.get("model").asText())
                .containsExactly(model);
        assertThat(task.get("last_iteration").asInt()).isEqualTo(9);
    }

    // ---- close ----

    private void close(Run run) {
        reload(run);
        edit(run, body("runtime", Map.of("CLEARML VERSION", "clearml-1.17.0", "CLI", "train.py",
                "progress", "100")));

        JsonNode completed = ok("tasks.completed", body("task", run.task, "status_reason", "completed",
                "force", false));

        WireShapes.updated(completed);
        WireShapes.integer(completed, "published");
        assertThat(completed.get("fields").get("status").asText()).isEqualTo("completed");
        JsonNode task = reload(run);
        assertThat(task.get("status").asText()).isEqualTo("completed");
        assertThat(task.get("runtime").get("progress").asText()).isEqualTo("100");
        WireShapes.date(task, "completed");
        JsonNode poll = ok("tasks.get_all", body("id", List.of(run.task),
                "only_fields", List.of("status", "status_message", "id")));
        assertThat(poll.get("tasks").get(0).get("status").asText()).isEqualTo("completed");
    }

    // ---- helpers ----

    private JsonNode reload(Run run) {
        JsonNode task = ok("tasks.get_by_id", body("task", run.task)).get("task");
        WireShapes.task(task);
        return task;
    }

    private JsonNode reloadModel(String model) {
        JsonNode doc = ok("models.get_by_id", body("model", model)).get("model");
        WireShapes.model(doc);
        return doc;
    }

    private void edit(Run run, Map<String, Object> fields) {
        Map<String, Object> request = body("task", run.task, "force", true);
        request.putAll(fields);
        WireShapes.updated(ok("tasks.edit", request));
    }

    private record Run(String project, String task) {
    }
}
