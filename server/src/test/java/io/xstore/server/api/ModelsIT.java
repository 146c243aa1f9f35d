package io.xstore.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.xstore.server.ApiClient;
import io.xstore.server.ServerTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.xstore.server.api.TestApi.body;
import static io.xstore.server.api.TestApi.unique;
import static org.assertj.core.api.Assertions.assertThat;

/** models.* over HTTP, and what model calls do to their task. */
class ModelsIT extends ServerTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String UNKNOWN = "0123456789abcdef0123456789abcdef";

    private TestApi api;
    private String project;

    @BeforeEach
    void setUp() {
        api = new TestApi(apiBaseUrl());
        project = api.createProject(unique("models-it"));
    }

    @Test
    void createAnswersTheIdAndCreated() {
        JsonNode data = api.ok("models.create", body("name", unique("model"), "uri", "file:///tmp/m.pt",
                "project", project));

        WireShapes.id(data, "id");
        WireShapes.bool(data, "created");
        assertThat(data.get("created").asBoolean()).isTrue();
    }

    @Test
    void createdModelHasTheWireShape() {
        String name = unique("model");
        String id = api.ok("models.create", body("name", name, "uri", "file:///tmp/m.pt", "labels",
                Map.of("cat", 1, "dog", 2), "framework", "PyTorch", "comment", "first", "tags", List.of("b", "a"),
                "project", project)).get("id").asText();

        JsonNode model = api.model(id);

        WireShapes.model(model);
        assertThat(model.get("name").asText()).isEqualTo(name);
        assertThat(model.get("uri").asText()).isEqualTo("file:///tmp/m.pt");
        assertThat(model.get("labels")).isEqualTo(JSON.valueToTree(Map.of("cat", 1, "dog", 2)));
        assertThat(model.get("framework").asText()).isEqualTo("PyTorch");
        assertThat(model.get("tags")).isEqualTo(JSON.valueToTree(List.of("a", "b")));
        assertThat(model.get("project").asText()).isEqualTo(project);
        // behaviour §6 models.create without ready creates a ready model
        assertThat(model.get("ready").asBoolean()).isTrue();
    }

    @Test
    void editedFieldsReadBack() {
        String id = api.createModel(unique("model"), project);
        Map<String, Object> design = Map.of("design", "layers: 3\nactivation: relu");

        JsonNode data = api.ok("models.edit", body("model", id, "name", "renamed-model", "comment", "Created by x",
                "design", design, "framework", "Keras", "labels", Map.of("a", 0), "uri", "file:///tmp/other.h5"));

        WireShapes.updated(data);
        JsonNode model = api.model(id);
        assertThat(model.get("name").asText()).isEqualTo("renamed-model");
        assertThat(model.get("comment").asText()).isEqualTo("Created by x");
        assertThat(model.get("design")).isEqualTo(JSON.valueToTree(design));
        assertThat(model.get("framework").asText()).isEqualTo("Keras");
        assertThat(model.get("labels")).isEqualTo(JSON.valueToTree(Map.of("a", 0)));
        assertThat(model.get("uri").asText()).isEqualTo("file:///tmp/other.h5");
    }

    @Test
    void setReadyMakesTheModelReady() {
        String id = api.createModel(unique("model"), project);

        JsonNode data = api.ok("models.set_ready", body("model", id, "publish_task", false));

        WireShapes.integer(data, "updated");
        assertThat(api.model(id).get("ready").asBoolean()).isTrue();
    }

    @Test
    void setReadyOfAReadyModelIs400Subcode203() {
        String id = api.createModel(unique("model"), project);
        api.ok("models.set_ready", body("model", id, "publish_task", false));

        api.error("models.set_ready", body("model", id, "publish_task", false), 400, 203);
    }

    @Test
    void getByIdOfAnUnknownModelIs400Subcode201() {
        api.error("models.get_by_id", body("model", UNKNOWN), 400, 201);
    }

    @Test
    void editOfAnUnknownModelIs400Subcode201() {
        api.error("models.edit", body("model", UNKNOWN, "name", "whatever"), 400, 201);
    }

    @Test
    void setReadyOfAnUnknownModelIs400Subcode201() {
        api.error("models.set_ready", body("model", UNKNOWN), 400, 201);
    }

    @Test
    void createWithoutUriIs400Subcode12() {
        api.error("models.create", body("name", unique("model")), 400, 12);
    }

    @Test
    void aStringForLabelsIs400() {
        assertThat(api.call("models.create", body("name", unique("model"), "uri", "file:///x",
                "labels", "cat")).status()).isEqualTo(400);
    }

    // ---- links to tasks ----

    @Test
    void createNamingAnUnknownTaskIs400Subcode101() {
        api.error("models.create", body("name", unique("model"), "uri", "file:///x", "task", UNKNOWN), 400, 101);
    }

    @Test
    void createNamingAnExistingTaskKeepsIt() {
        String task = api.createTask(unique("task"), project);

        String id = api.ok("models.create", body("name", unique("model"), "uri", "file:///x", "task", task,
                "ready", false))
                .get("id").asText();

        assertThat(api.model(id).get("task").asText()).isEqualTo(task);
    }

    @Test
    void editWithAnIterationRaisesTheTasksLastIteration() {
        String task = api.createTask(unique("task"), project);
        api.ok("tasks.started", body("task", task));
        String id = api.createModel(unique("model"), project);
        api.ok("models.edit", body("model", id, "task", task));

        api.ok("models.edit", body("model", id, "iteration", 42));

        assertThat(api.task(task).get("last_iteration").asInt()).isEqualTo(42);
    }

    @Test
    void aLowerIterationDoesNotLowerTheTasksLastIteration() {
        String task = api.createTask(unique("task"), project);
        String id = api.ok("models.create", body("name", unique("model"), "uri", "file:///x", "task", task,
                "ready", false))
                .get("id").asText();
        api.ok("models.edit", body("model", id, "iteration", 42));

        api.ok("models.edit", body("model", id, "iteration", 7));

        assertThat(api.task(task).get("last_iteration").asInt()).isEqualTo(42);
    }

    @Test
    void setReadyPublishesACompletedTask() {
        String task = api.createTask(unique("task"), project);
        api.ok("tasks.completed", body("task", task, "force", true));
        String id = api.ok("models.create", body("name", unique("model"), "uri", "file:///x", "task", task,
                "ready", false))
                .get("id").asText();

        JsonNode data = api.ok("models.set_ready", body("model", id));

        JsonNode published = data.get("published_task");
        assertThat(published.get("id").asText()).isEqualTo(task);
        WireShapes.updated(published.get("data"));
        assertThat(published.get("data").get("fields").get("status").asText()).isEqualTo("published");
        assertThat(api.task(task).get("status").asText()).isEqualTo("published");
    }

    // behaviour §6 set_ready publishes the model's task first: a running task refuses it (400/110) unless forced
    @Test
    void setReadyLeavesARunningTaskAlone() {
        String task = api.createTask(unique("task"), project);
        api.ok("tasks.started", body("task", task));
        String id = api.ok("models.create", body("name", unique("model"), "uri", "file:///x", "task", task,
                "ready", false)).get("id").asText();

        api.error("models.set_ready", body("model", id), 400, 110);

        assertThat(api.task(task).get("status").asText()).isEqualTo("in_progress");
        assertThat(api.model(id).get("ready").asBoolean()).isFalse();
        assertThat(api.ok("models.set_ready", body("model", id, "publish_task", false)).has("published_task"))
                .isFalse();
        assertThat(api.model(id).get("ready").asBoolean()).isTrue();
    }

    @Test
    void setReadyWithoutPublishTaskLeavesACompletedTaskAlone() {
        String task = api.createTask(unique("task"), project);
        api.ok("tasks.completed", body("task", task, "force", true));
        String id = api.ok("models.create", body("name", unique("model"), "uri", "file:///x", "task", task,
                "ready", false))
                .get("id").asText();

        api.ok("models.set_ready", body("model", id, "publish_task", false));

        assertThat(api.task(task).get("status").asText()).isEqualTo("completed");
    }

    // behaviour §6 models.update_for_task: a new model takes its defaults from the task; refused above 2.13
    @Test
    void updateForTaskAttachesTheModelAsTheTasksOutputModel() {
        ApiClient legacy = new ApiClient(apiBaseUrl());
        String input = api.createModel(unique("input"), project);
        String name = unique("task");
        String task = api.createTask(body("name", name, "type", "training", "project", project,
                "execution", Map.of("framework", "PyTorch", "model_labels", Map.of("cat", 1),
                        "model_desc", Map.of("design", "layers: 2")),
                "models", Map.of("input", List.of(Map.of("name", "in", "model", input)))));
        api.ok("tasks.started", body("task", task));

        ApiClient.Reply reply = legacy.call("/v2.13/models.update_for_task", body("task", task, "uri",
                "file:///tmp/legacy.pt", "iteration", 3));

        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
        String id = reply.data().get("id").asText();
        assertThat(reply.data().get("created").asBoolean()).isTrue();
        JsonNode taskDoc = api.task(task);
        JsonNode output = taskDoc.get("models").get("output");
        assertThat(output).hasSize(1);
        assertThat(output.get(0).get("model").asText()).isEqualTo(id);
        assertThat(taskDoc.get("last_iteration").asInt()).isEqualTo(3);
        JsonNode model = api.model(id);
        assertThat(model.get("name").asText()).isEqualTo(name);
        assertThat(model.get("comment").asText()).isEqualTo("Created by task `" + name + "` (" + task + ")");
        assertThat(model.get("project").asText()).isEqualTo(project);
        assertThat(model.get("framework").asText()).isEqualTo("PyTorch");
        assertThat(model.get("parent").asText()).isEqualTo(input);
        assertThat(model.get("labels").get("cat").asInt()).isEqualTo(1);
        assertThat(model.get("design").get("design").asText()).isEqualTo("layers: 2");
        assertThat(model.get("ready").asBoolean()).isFalse();

        ApiClient.Reply again = legacy.call("/v2.13/models.update_for_task", body("task", task, "uri",
                "file:///tmp/legacy2.pt"));
        assertThat(again.data().get("id").asText()).isEqualTo(id);
        assertThat(again.data().get("created").asBoolean()).isFalse();
        assertThat(api.model(id).get("uri").asText()).isEqualTo("file:///tmp/legacy2.pt");

        api.error("models.update_for_task", body("task", task, "uri", "file:///tmp/x.pt"), 301, 1);
        assertThat(legacy.call("/v2.13/models.update_for_task", body("task", task)).subcode()).isEqualTo(11);
        api.ok("tasks.stopped", body("task", task));
        assertThat(legacy.call("/v2.13/models.update_for_task", body("task", task, "uri", "file:///tmp/y.pt"))
                .subcode()).isEqualTo(110);
    }

    @Test
    void tasksPublishAlsoPublishesItsLastOutputModel() {
        String task = api.createTask(unique("task"), project);
        api.ok("tasks.started", body("task", task));
        String id = api.createModel(unique("model"), project);
        api.ok("tasks.add_or_update_model", body("task", task, "name", "out", "model", id, "type", "output"));
        api.ok("tasks.stopped", body("task", task));

        api.ok("tasks.publish", body("task", task));

        assertThat(api.model(id).get("ready").asBoolean()).isTrue();
    }

    // behaviour §6 models.update with task and iteration raises the task's last_iteration (never lowers)
    @Test
    void behaviour6UpdateWithTaskAndIterationRaisesLastIteration() {
        String task = api.createTask(unique("task"), project);
        String id = api.createModel(unique("model"), project);

        api.ok("models.update", body("model", id, "task", task, "iteration", 7));
        assertThat(api.task(task).get("last_iteration").asInt()).isEqualTo(7);
        api.ok("models.update", body("model", id, "task", task, "iteration", 3));
        assertThat(api.task(task).get("last_iteration").asInt()).isEqualTo(7);
    }
}
