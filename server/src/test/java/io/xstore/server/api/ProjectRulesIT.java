package io.xstore.server.api;

import io.xstore.server.ServerTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.xstore.server.api.TestApi.body;
import static io.xstore.server.api.TestApi.unique;
import static org.assertj.core.api.Assertions.assertThat;

/** Project rules of docs/api/behaviour-rules.md §7, and pipeline steps following their controller (§4). */
class ProjectRulesIT extends ServerTestSupport {

    private TestApi api;

    @BeforeEach
    void setUp() {
        api = new TestApi(apiBaseUrl());
    }

    // behaviour §7 projects.update cannot change the parent path (400/408)
    @Test
    void behaviour7UpdateCannotMoveTheProject() {
        String root = unique("root");
        String id = api.createProject(root + "/child");

        api.error("projects.update", body("project", id, "name", unique("elsewhere") + "/child"), 400, 408);
        api.ok("projects.update", body("project", id, "name", root + "/renamed"));

        assertThat(api.project(id).get("name").asText()).isEqualTo(root + "/renamed");
    }

    // behaviour §7 projects.delete checks pipeline (400/413) and dataset (400/406) projects first
    @Test
    void behaviour7DeleteChecksPipelinesAndDatasetsFirst() {
        String root = unique("root");
        String pipeline = api.ok("projects.create", body("name", root + "/pipe", "system_tags",
                List.of("pipeline"))).get("id").asText();
        api.createTask(body("name", unique("run"), "type", "controller", "project", pipeline));
        api.error("projects.delete", body("project", pipeline), 400, 413);

        String datasetRoot = unique("data");
        String dataset = api.ok("projects.create", body("name", datasetRoot + "/ds", "system_tags",
                List.of("dataset"))).get("id").asText();
        api.createTask(body("name", unique("version"), "type", "data_processing", "project", dataset));
        api.error("projects.delete", body("project", dataset), 400, 406);

        String plain = api.createProject(unique("plain"));
        api.createTask(unique("t"), plain);
        api.error("projects.delete", body("project", plain), 400, 402);
    }

    // behaviour §4 pipeline steps follow their controller (include_pipeline_steps)
    @Test
    void behaviour4PipelineStepsFollowTheirController() {
        String project = api.createProject(unique("pipes"));
        String controller = api.createTask(body("name", unique("controller"), "type", "controller", "project",
                project));
        String step = api.createTask(body("name", unique("step"), "type", "training", "project", project,
                "parent", controller));

        api.ok("tasks.archive", body("tasks", List.of(controller), "include_pipeline_steps", true));
        assertThat(api.task(step).get("system_tags").toString()).contains("archived");

        api.ok("tasks.unarchive_many", body("ids", List.of(controller), "include_pipeline_steps", true));
        assertThat(api.task(step).get("system_tags").toString()).doesNotContain("archived");

        api.ok("tasks.delete", body("task", controller, "include_pipeline_steps", true));
        api.error("tasks.get_by_id", body("task", step), 400, 101);
    }
}
