package io.xstore.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.xstore.server.ServerTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.xstore.server.api.TestApi.body;
import static io.xstore.server.api.TestApi.unique;
import static org.assertj.core.api.Assertions.assertThat;

/** make_public / make_private of tasks, models and projects (docs/api/visibility.md). */
class VisibilityIT extends ServerTestSupport {

    private TestApi api;
    private String project;

    @BeforeEach
    void setUp() {
        api = new TestApi(apiBaseUrl());
        project = api.createProject(unique("visibility-it"));
    }

    @Test
    void aPublicTaskIsReadableButNotWritableUntilItsCompanyMakesItPrivate() {
        String task = api.createTask(unique("task"), project);
        assertThat(api.ok("tasks.make_public", body("ids", List.of(task))).get("updated").asInt()).isEqualTo(1);
        JsonNode doc = api.ok("tasks.get_all", body("id", List.of(task), "only_fields",
                List.of("company", "company_origin"))).get("tasks").get(0);
        assertThat(doc.path("company_origin").asText()).isNotEmpty();
        api.error("tasks.edit", body("task", task, "comment", "x"), 403, 21); // protocol: no_write_permission
        api.error("tasks.make_public", body("ids", List.of(task)), 400, 101);
        assertThat(api.ok("tasks.make_private", body("ids", List.of(task))).get("updated").asInt()).isEqualTo(1);
        api.ok("tasks.edit", body("task", task, "comment", "mine again"));
        api.error("tasks.make_private", body("ids", List.of(task)), 400, 101);
        JsonNode history = api.ok("history.get_task", body("task", task));
        assertThat(history.toString()).contains("made_public", "made_private");
    }

    @Test
    void oneIneligibleIdChangesNothing() {
        String task = api.createTask(unique("task"), project);
        api.error("tasks.make_public", body("ids", List.of(task, "no-such-task")), 400, 101);
        api.ok("tasks.edit", body("task", task, "comment", "still private"));
        assertThat(api.ok("tasks.make_public", body("ids", List.of())).get("updated").asInt()).isZero();
    }

    @Test
    void modelsAndProjectsToo() {
        String model = api.createModel(unique("model"), project);
        assertThat(api.ok("models.make_public", body("ids", List.of(model))).get("updated").asInt()).isEqualTo(1);
        assertThat(api.model(model).get("id").asText()).isEqualTo(model);
        api.error("models.make_public", body("ids", List.of(model)), 400, 201);
        api.error("models.edit", body("model", model, "comment", "x"), 403, 21);
        api.ok("models.make_private", body("ids", List.of(model)));

        String other = api.createProject(unique("public-project"));
        assertThat(api.ok("projects.make_public", body("ids", List.of(other))).get("updated").asInt())
                .isEqualTo(1);
        assertThat(api.project(other).get("id").asText()).isEqualTo(other);
        api.error("projects.make_public", body("ids", List.of(other)), 400, 401);
        api.error("projects.update", body("project", other, "description", "x"), 403, 21);
        api.ok("projects.make_private", body("ids", List.of(other)));
        api.ok("projects.update", body("project", other, "description", "mine again"));
    }
}
