package io.xstore.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.xstore.server.ApiClient;
import io.xstore.server.ServerTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.xstore.server.api.TestApi.body;
import static io.xstore.server.api.TestApi.unique;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules where a task delete or reset, or a model delete or publish, changes other aggregates
 * (docs/api/behaviour-rules.md §4 and §6); each changed aggregate's history names the originating call.
 */
class TaskModelCleanupIT extends ServerTestSupport {

    private static final String IMAGE_URL = "file:///tmp/img/s.png";

    private TestApi api;
    private String project;

    @BeforeEach
    void setUp() {
        api = new TestApi(apiBaseUrl());
        project = api.createProject(unique("cleanup-it"));
    }

    // behaviour §4 delete without force refuses a published child (400/123)
    @Test
    void behaviour4DeleteWithoutForceRefusesAPublishedChild() {
        String parent = api.createTask(unique("parent"), project);
        String child = childOf(parent);
        publish(child);

        api.error("tasks.delete", body("task", parent), 400, 123);

        assertThat(api.task(parent).get("id").asText()).isEqualTo(parent);
        assertThat(api.task(child).get("parent").asText()).isEqualTo(parent);
    }

    // behaviour §4 delete without force refuses a ready model of the task (400/123), task==id or in models.output
    @Test
    void behaviour4DeleteWithoutForceRefusesAReadyModel() {
        String task = api.createTask(unique("task"), project);
        String model = modelOf(task, true);
        String listed = createModel(null, true);
        api.ok("tasks.add_or_update_model", body("task", task, "name", "listed", "model", listed, "type", "output"));

        api.error("tasks.delete", body("task", task), 400, 123);
        api.ok("models.delete", body("model", model));
        api.error("tasks.delete", body("task", task), 400, 123);
        assertThat(api.model(listed).get("task")).isNull();
        assertThat(api.task(task).get("id").asText()).isEqualTo(task);
    }

    // behaviour §4 delete cleans up models: drafts deleted, inputs elsewhere unset, published re-pointed, children
    @Test
    void behaviour4DeleteCleansUpModelsAndChildrenAndCountsThem() {
        String task = api.createTask(unique("task"), project);
        String draft = modelOf(task, false);
        String usedElsewhere = modelOf(task, false);
        String published = modelOf(task, true);
        String user = api.createTask(body("name", unique("user"), "type", "training", "project", project,
                "models", Map.of("input", List.of(Map.of("name", "in", "model", usedElsewhere)))));
        String child = childOf(task);
        api.ok("tasks.add_or_update_artifacts", body("task", task, "artifacts", List.of(
                Map.of("key", "out", "type", "custom", "uri", "file:///tmp/out.bin"),
                Map.of("key", "in", "type", "custom", "mode", "input", "uri", "file:///tmp/in.bin"))));
        api.ok("events.add", body("task", task, "type", "training_debug_image", "metric", "img", "variant", "s",
                "iter", 0, "timestamp", 1_700_000_000_000L, "url", IMAGE_URL, "key", "img/s.png"));

        String draftUri = api.model(draft).get("uri").asText();

        ApiClient.Reply reply = api.call("tasks.delete", body("task", task, "force", true, "return_file_urls",
                true));

        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
        JsonNode data = reply.data();
        assertThat(data.get("deleted").asBoolean()).isTrue();
        assertThat(data.get("deleted_models").asInt()).isEqualTo(1);
        assertThat(data.get("updated_models").asInt()).isEqualTo(2);
        assertThat(data.get("updated_children").asInt()).isEqualTo(1);
        assertThat(texts(data.get("urls").get("model_urls"))).containsExactly(draftUri);
        // behaviour §4 only output artifacts are reported
        assertThat(texts(data.get("urls").get("artifact_urls"))).containsExactly("file:///tmp/out.bin");
        // behaviour §4 the task's debug images are reported (and deleted with its files)
        assertThat(texts(data.get("urls").get("event_urls"))).containsExactly(IMAGE_URL);

        api.error("models.get_by_id", body("model", draft), 400, 201);
        assertThat(api.model(usedElsewhere).get("task")).isNull();
        assertThat(api.model(published).get("task").asText()).isEqualTo("__DELETED__" + task);
        assertThat(api.task(child).get("parent").asText()).isEqualTo("__DELETED__" + task);
        assertThat(api.task(user).get("models").get("input").get(0).get("model").asText()).isEqualTo(usedElsewhere);

        String callId = reply.meta().get("id").asText();
        assertThat(callIds("history.get_model", "model", published)).contains(callId);
        assertThat(callIds("history.get_model", "model", usedElsewhere)).contains(callId);
        assertThat(callIds("history.get_model", "model", draft)).contains(callId);
        assertThat(callIds("history.get_task", "task", child)).contains(callId);
    }

    // behaviour §4 delete cleans up models: delete_output_models false leaves the models alone
    @Test
    void behaviour4DeleteKeepsModelsWhenAskedTo() {
        String task = api.createTask(unique("task"), project);
        String draft = modelOf(task, false);

        JsonNode data = api.ok("tasks.delete", body("task", task, "delete_output_models", false));

        assertThat(data.get("deleted_models").asInt()).isZero();
        assertThat(api.model(draft).get("task").asText()).isEqualTo(task);
    }

    // behaviour §4 reset runs the same cleanup: children untouched, published models lose their task
    @Test
    void behaviour4ResetCleansUpModelsButNotChildren() {
        String task = api.createTask(unique("task"), project);
        String draft = modelOf(task, false);
        String published = modelOf(task, true);
        String child = childOf(task);
        api.ok("tasks.started", body("task", task));
        api.ok("tasks.stopped", body("task", task, "force", true));

        api.error("tasks.reset", body("task", task), 400, 123);
        String draftUri = api.model(draft).get("uri").asText();

        ApiClient.Reply reply = api.call("tasks.reset", body("task", task, "force", true, "return_file_urls", true));
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
        JsonNode data = reply.data();
        assertThat(data.get("deleted_models").asInt()).isEqualTo(1);
        assertThat(data.get("updated_models").asInt()).isEqualTo(1);
        assertThat(data.get("updated_children").asInt()).isZero();
        assertThat(texts(data.get("urls").get("model_urls"))).containsExactly(draftUri);
        api.error("models.get_by_id", body("model", draft), 400, 201);
        assertThat(api.model(published).get("task")).isNull();
        assertThat(api.task(child).get("parent").asText()).isEqualTo(task);
        assertThat(api.task(task).get("status").asText()).isEqualTo("created");
        assertThat(callIds("history.get_model", "model", published)).contains(reply.meta().get("id").asText());
    }

    // behaviour §4 reset runs the same cleanup: reset_many counts per task
    @Test
    void behaviour4ResetManyRunsTheCleanupPerTask() {
        String task = api.createTask(unique("task"), project);
        modelOf(task, false);

        JsonNode data = api.ok("tasks.reset_many", body("ids", List.of(task)));

        assertThat(data.get("succeeded").get(0).get("deleted_models").asInt()).isEqualTo(1);
    }

    // behaviour §6 models.delete updates the creating task: a not-published task loses the output entry
    @Test
    void behaviour6ModelDeleteRemovesTheOutputEntryOfTheCreatingTask() {
        String task = api.createTask(unique("task"), project);
        String model = modelOf(task, false);
        api.ok("tasks.add_or_update_model", body("task", task, "name", "out", "model", model, "type", "output"));

        ApiClient.Reply reply = api.call("models.delete", body("model", model));

        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
        assertThat(api.task(task).get("models").get("output")).isEmpty();
        assertThat(callIds("history.get_task", "task", task)).contains(reply.meta().get("id").asText());
    }

    // behaviour §6 models.delete of a published task's model: 400/206 unless force, then __DELETED__<id>
    @Test
    void behaviour6ModelDeleteOfAPublishedTasksModelNeedsForce() {
        String task = api.createTask(unique("task"), project);
        String model = modelOf(task, false);
        api.ok("tasks.add_or_update_model", body("task", task, "name", "out", "model", model, "type", "output"));
        api.ok("tasks.publish", body("task", task, "force", true, "publish_model", false));

        api.error("models.delete", body("model", model), 400, 206);
        api.ok("models.delete", body("model", model, "force", true));

        assertThat(api.task(task).get("models").get("output").get(0).get("model").asText())
                .isEqualTo("__DELETED__" + model);
    }

    // behaviour §6 models.delete of a model used as input: 400/205 unless force, then __DELETED__<id>
    @Test
    void behaviour6ModelDeleteOfAnInputModelNeedsForce() {
        String model = createModel(null, true);
        String user = api.createTask(body("name", unique("user"), "type", "training", "project", project,
                "models", Map.of("input", List.of(Map.of("name", "in", "model", model)))));

        api.error("models.delete", body("model", model), 400, 205);
        api.ok("models.delete", body("model", model, "force", true));

        assertThat(api.task(user).get("models").get("input").get(0).get("model").asText())
                .isEqualTo("__DELETED__" + model);
    }

    // behaviour §6 set_ready publishes the model's task first; from created/queued/in_progress 400/110 unless force
    @Test
    void behaviour6SetReadyPublishesTheTaskFirst() {
        String running = api.createTask(unique("running"), project);
        api.ok("tasks.started", body("task", running));
        String model = modelOf(running, false);

        api.error("models.set_ready", body("model", model), 400, 110);
        assertThat(api.model(model).get("ready").asBoolean()).isFalse();

        JsonNode forced = api.ok("models.set_ready", body("model", model, "force_publish_task", true));
        assertThat(forced.get("published_task").get("id").asText()).isEqualTo(running);
        assertThat(api.task(running).get("status").asText()).isEqualTo("published");
        assertThat(api.model(model).get("ready").asBoolean()).isTrue();

        String failed = api.createTask(unique("failed"), project);
        api.ok("tasks.started", body("task", failed));
        api.ok("tasks.failed", body("task", failed));
        String second = modelOf(failed, false);
        JsonNode many = api.ok("models.publish_many", body("ids", List.of(second)));
        assertThat(many.get("succeeded").get(0).get("published_task").get("id").asText()).isEqualTo(failed);
        assertThat(api.task(failed).get("status").asText()).isEqualTo("published");
    }

    // ---- helpers

    private String childOf(String parent) {
        return api.createTask(body("name", unique("child"), "type", "training", "project", project, "parent",
                parent));
    }

    private void publish(String task) {
        api.ok("tasks.publish", body("task", task, "force", true));
    }

    private String modelOf(String task, boolean ready) {
        return createModel(task, ready);
    }

    private String createModel(String task, boolean ready) {
        String name = unique("model");
        Map<String, Object> request = body("name", name, "uri", "file:///tmp/" + name + ".pt", "project", project,
                "ready", ready);
        if (task != null) {
            request.put("task", task);
        }
        return api.ok("models.create", request).get("id").asText();
    }

    /** The call ids in the entity's history: the delete's must be among them. */
    private List<String> callIds(String endpoint, String field, String id) {
        List<String> ids = new ArrayList<>();
        api.ok(endpoint, body(field, id, "page_size", 500)).get("entries")
                .forEach(entry -> ids.add(entry.path("call_id").asText()));
        return ids;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(node -> out.add(node.asText()));
        return out;
    }
}
