package io.xstore.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.xstore.server.ServerTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.xstore.server.api.TestApi.body;
import static io.xstore.server.api.TestApi.unique;
import static org.assertj.core.api.Assertions.assertThat;

/** Task rules of docs/api/behaviour-rules.md §4 (validate) and §5. */
class TaskRulesIT extends ServerTestSupport {

    private static final String UNKNOWN = "0123456789abcdef0123456789abcdef";

    private TestApi api;
    private String project;

    @BeforeEach
    void setUp() {
        api = new TestApi(apiBaseUrl());
        project = api.createProject(unique("task-rules-it"));
    }

    // behaviour §4 tasks.validate checks as create would, without saving; a __DELETED__ parent is dropped
    @Test
    void behaviour4ValidateChecksWithoutSaving() {
        String name = unique("validated");
        api.ok("tasks.validate", body("name", name, "type", "training", "project", project, "parent",
                "__DELETED__" + UNKNOWN));
        api.error("tasks.validate", body("name", name, "type", "training", "project", project, "parent", UNKNOWN),
                400, 101);
        api.error("tasks.validate", body("name", name, "type", "no-such-type", "project", project), 400, 12);

        assertThat(api.ok("tasks.get_all", body("name", name)).get("tasks")).isEmpty();
    }

    // behaviour §5 tasks.move with "project": null moves to the root; with neither field 400/11
    @Test
    void behaviour5MoveToRootWithNullProject() {
        String task = api.createTask(unique("t"), project);
        java.util.Map<String, Object> request = new java.util.HashMap<>();
        request.put("ids", List.of(task));
        request.put("project", null);

        JsonNode data = api.ok("tasks.move", request);

        assertThat(data.get("project_id").isNull()).isTrue();
        JsonNode moved = api.task(task);
        assertThat(moved.path("project").isMissingNode() || moved.get("project").isNull()
                || moved.get("project").asText().isEmpty()).isTrue();
        api.error("tasks.move", body("ids", List.of(task)), 400, 11);
    }

    // behaviour §5 artifacts calls always act as forced (created and in_progress tasks)
    @Test
    void behaviour5ArtifactCallsActAsForced() {
        String task = api.createTask(unique("t"), project);
        api.ok("tasks.started", body("task", task));

        api.ok("tasks.add_or_update_artifacts", body("task", task, "artifacts",
                List.of(Map.of("key", "a", "type", "custom"))));
        JsonNode deleted = api.ok("tasks.delete_artifacts", body("task", task, "artifacts",
                List.of(Map.of("key", "a"))));

        assertThat(deleted.get("deleted").asInt()).isEqualTo(1);
    }

    // behaviour §5 tasks.completed with publish answers the final status
    @Test
    void behaviour5CompletedWithPublishAnswersTheFinalStatus() {
        String task = api.createTask(unique("t"), project);
        api.ok("tasks.started", body("task", task));

        JsonNode data = api.ok("tasks.completed", body("task", task, "publish", true));

        assertThat(data.get("published").asInt()).isEqualTo(1);
        assertThat(data.get("fields").get("status").asText()).isEqualTo("published");
        assertThat(api.task(task).get("status").asText()).isEqualTo("published");
    }

    // behaviour §5 input models must exist (create, edit, validate, clone with new input models)
    @Test
    void behaviour5InputModelsMustExist() {
        Map<String, Object> models = Map.of("input", List.of(Map.of("name", "in", "model", UNKNOWN)));
        api.error("tasks.create", body("name", unique("t"), "type", "training", "project", project, "models",
                models), 400, 201);
        api.error("tasks.validate", body("name", unique("t"), "type", "training", "project", project, "models",
                models), 400, 201);
        String task = api.createTask(unique("t"), project);
        api.error("tasks.edit", body("task", task, "models", models), 400, 201);
        api.error("tasks.clone", body("task", task, "new_task_input_models", List.of(Map.of("name", "in",
                "model", UNKNOWN))), 400, 201);
        api.ok("tasks.clone", body("task", task));

        String model = api.createModel(unique("m"), project);
        api.ok("tasks.edit", body("task", task, "models", Map.of("input", List.of(Map.of("name", "in",
                "model", model)))));
    }
}
