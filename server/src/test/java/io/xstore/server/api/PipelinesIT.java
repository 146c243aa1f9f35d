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

/** pipelines.start_pipeline and delete_runs over HTTP (docs/api/pipelines.md). */
class PipelinesIT extends ServerTestSupport {

    private TestApi api;
    private String project;
    private String projectName;

    @BeforeEach
    void setUp() {
        api = new TestApi(apiBaseUrl(), "/v2.31/");
        projectName = unique("pipe");
        project = api.createProject(projectName);
    }

    private String controller() {
        return api.createTask(body("name", projectName, "type", "controller", "project", project,
                "system_tags", List.of("pipeline")));
    }

    @Test
    void startPipelineClonesWithArgsNamesTheRunAndEnqueuesIt() {
        String source = controller();
        String queue = api.ok("queues.create", body("name", unique("pipes"))).get("id").asText();
        JsonNode started = api.ok("pipelines.start_pipeline", body("task", source, "queue", queue,
                "args", List.of(Map.of("name", "lr", "value", "0.1")), "verify_watched_queue", true));
        String run = started.get("pipeline").asText();
        assertThat(run).isNotEqualTo(source);
        assertThat(started.get("enqueued").asBoolean()).isTrue();
        assertThat(started.get("queue_watched").asBoolean()).isFalse();
        JsonNode task = api.task(run);
        assertThat(task.get("status").asText()).isEqualTo("queued");
        assertThat(task.get("status_message").asText()).isEqualTo("Starting pipeline");
        assertThat(task.get("execution").get("queue").asText()).isEqualTo(queue);
        assertThat(task.get("hyperparams").get("Args").get("lr").get("value").asText()).isEqualTo("0.1");
        assertThat(task.get("name").asText()).isEqualTo(projectName + " #1");

        api.error("pipelines.start_pipeline", body("task", "no-such-task"), 400, 101);
        api.error("pipelines.start_pipeline", body("task", source, "args", "x"), 400, 12);
        api.error("pipelines.start_pipeline", body(), 400, 12);
    }

    @Test
    void deleteRunsDeletesControllerRunsAndTheirStepsButLeavesOne() {
        String first = controller();
        String second = controller();
        String step = api.createTask(body("name", unique("step"), "type", "training", "project", project,
                "parent", second));
        String unrelated = api.createTask(unique("task"), project);

        api.error("pipelines.delete_runs", body("ids", List.of(first, second), "project", project), 400, 160);
        JsonNode deleted = api.ok("pipelines.delete_runs", body("ids", List.of(second, unrelated),
                "project", project));
        assertThat(deleted.get("succeeded")).hasSize(1);
        assertThat(deleted.get("succeeded").get(0).get("id").asText()).isEqualTo(second);
        assertThat(deleted.get("succeeded").get(0).get("deleted").asBoolean()).isTrue();
        api.error("tasks.get_by_id", body("task", second), 400, 101);
        api.error("tasks.get_by_id", body("task", step), 400, 101);
        assertThat(api.task(unrelated).get("id").asText()).isEqualTo(unrelated);
        assertThat(api.task(first).get("id").asText()).isEqualTo(first);
        api.error("pipelines.delete_runs", body("project", project), 400, 11);
    }
}
