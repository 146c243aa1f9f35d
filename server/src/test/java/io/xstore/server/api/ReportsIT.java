package io.xstore.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.xstore.server.ServerTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.xstore.server.api.TestApi.body;
import static io.xstore.server.api.TestApi.unique;
import static org.assertj.core.api.Assertions.assertThat;

/** reports.* over HTTP (docs/api/reports.md): a report is a hidden task of type report in a .reports project. */
class ReportsIT extends ServerTestSupport {

    private TestApi api;
    private String project;

    @BeforeEach
    void setUp() {
        api = new TestApi(apiBaseUrl());
        project = api.createProject(unique("reports-it"));
    }

    @Test
    void createPutsTheReportInAHiddenReportsProjectUnderItsProject() {
        JsonNode created = api.ok("reports.create", body("name", unique("report"), "project", project,
                "tags", List.of("b", "a"), "comment", "about", "report", "# Title"));
        String id = created.get("id").asText();
        String reports = created.get("project_id").asText();
        JsonNode task = api.task(id);
        assertThat(task.get("type").asText()).isEqualTo("report");
        assertThat(task.get("system_tags").toString()).contains("reports", "hidden");
        assertThat(task.get("project").asText()).isEqualTo(reports);
        assertThat(task.get("report").asText()).isEqualTo("# Title");
        JsonNode reportsProject = api.project(reports);
        assertThat(reportsProject.get("name").asText()).endsWith("/.reports");
        assertThat(reportsProject.get("parent").asText()).isEqualTo(project);
        assertThat(reportsProject.get("system_tags").toString()).contains("hidden");

        String second = api.ok("reports.create", body("name", unique("report"), "project", project))
                .get("project_id").asText();
        assertThat(second).as("one .reports project per project").isEqualTo(reports);
        api.error("reports.create", body("name", unique("report"), "project", "no-such-project"), 400, 401);
        api.error("reports.create", body("project", project), 400, 12);
    }

    @Test
    void updateChangesTheMarkdownOnlyWhileCreatedAndRecordsAnIntentEvent() {
        String id = api.ok("reports.create", body("name", unique("report"), "project", project)).get("id").asText();
        JsonNode updated = api.ok("reports.update", body("task", id, "report", "## v2", "tags", List.of("x")));
        assertThat(updated.get("updated").asInt()).isEqualTo(1);
        assertThat(updated.get("fields").get("report").asText()).isEqualTo("## v2");
        assertThat(api.task(id).get("report").asText()).isEqualTo("## v2");
        assertThat(api.ok("reports.update", body("task", id)).get("updated").asInt()).isZero();

        JsonNode published = api.ok("reports.publish", body("task", id));
        assertThat(published.get("fields").get("status").asText()).isEqualTo("published");
        api.error("reports.update", body("task", id, "report", "## v3"), 400, 110);
        api.ok("reports.update", body("task", id, "name", unique("renamed")));
        JsonNode history = api.ok("history.get_task", body("task", id));
        assertThat(history.toString()).contains("report_changed", "published");
    }

    @Test
    void operationsOnATaskThatIsNotAReportAreRefused() {
        String task = api.createTask(unique("task"), project);
        for (String action : List.of("update", "publish", "archive", "unarchive", "delete")) {
            api.error("reports." + action, body("task", task), 400, 150);
        }
        api.error("reports.move", body("task", task, "project", project), 400, 150);
        api.error("reports.update", body("task", "no-such-report"), 400, 101);
        api.error("reports.move", body("task", task), 400, 11);
    }

    @Test
    void getAllExFindsReportsByProjectAndGetTagsListsTheirTags() {
        String tag = unique("tag");
        String id = api.ok("reports.create", body("name", unique("report"), "project", project,
                "tags", List.of(tag))).get("id").asText();
        api.createTask(unique("task"), project);
        JsonNode found = api.ok("reports.get_all_ex", body("project", List.of(project)));
        assertThat(found.get("tasks")).hasSize(1);
        assertThat(found.get("tasks").get(0).get("id").asText()).isEqualTo(id);
        JsonNode byId = api.ok("reports.get_all_ex", body("id", List.of(id), "only_fields", List.of("name", "report")));
        assertThat(byId.get("tasks")).hasSize(1);
        String other = api.createProject(unique("empty"));
        assertThat(api.ok("reports.get_all_ex", body("project", List.of(other))).get("tasks")).isEmpty();
        assertThat(api.ok("reports.get_tags", body()).get("tags").toString()).contains(tag);
    }

    @Test
    void moveArchiveAndDelete() {
        String id = api.ok("reports.create", body("name", unique("report"))).get("id").asText();
        assertThat(api.project(api.task(id).get("project").asText()).get("name").asText()).isEqualTo(".reports");
        String target = api.ok("reports.move", body("task", id, "project", project)).get("project_id").asText();
        assertThat(api.task(id).get("project").asText()).isEqualTo(target);
        assertThat(api.project(target).get("parent").asText()).isEqualTo(project);

        api.ok("reports.publish", body("task", id));
        api.error("reports.delete", body("task", id), 400, 123);
        assertThat(api.ok("reports.archive", body("task", id)).get("archived").asInt()).isEqualTo(1);
        assertThat(api.task(id).get("system_tags").toString()).contains("archived");
        assertThat(api.ok("reports.unarchive", body("task", id)).get("unarchived").asInt()).isEqualTo(1);
        api.ok("reports.archive", body("task", id));
        assertThat(api.ok("reports.delete", body("task", id)).get("deleted").asInt()).isEqualTo(1);
        api.error("tasks.get_by_id", body("task", id), 400, 101);
    }

    @Test
    void getTaskDataAnswersTheTasksAndTheAskedBlocks() {
        String task = api.createTask(unique("task"), project);
        JsonNode data = api.ok("reports.get_task_data", body("id", List.of(task),
                "scalar_metrics_iter_histogram", body("samples", 10), "plots", body("iters", 1),
                "debug_images", body("iters", 1), "single_value_metrics", body()));
        assertThat(data.get("tasks")).hasSize(1);
        assertThat(data.has("scalar_metrics_iter_histogram")).isTrue();
        assertThat(data.has("plots")).isTrue();
        api.error("reports.get_task_data", body("id", List.of(task), "plots", "nope"), 400, 12);
    }
}
