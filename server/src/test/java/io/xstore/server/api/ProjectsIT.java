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

/** projects.* over HTTP: nested names, uniqueness, stats, and what delete / merge do to the tasks inside. */
class ProjectsIT extends ServerTestSupport {

    private TestApi api;

    @BeforeEach
    void setUp() {
        api = new TestApi(apiBaseUrl());
    }

    private JsonNode byName(String name) {
        JsonNode projects = api.ok("projects.get_all", body("name", "^" + TestApi.reEscape(name) + "$",
                "search_hidden", true)).get("projects");
        assertThat(projects).as("projects named %s", name).hasSize(1);
        return projects.get(0);
    }

    @Test
    void createAnswersTheNewId() {
        JsonNode data = api.ok("projects.create", body("name", unique("proj"), "description", ""));

        assertThat(data.get("id").asText()).matches(WireShapes.ID);
    }

    @Test
    void createdProjectHasTheWireShape() {
        String name = unique("proj");
        String id = api.ok("projects.create", body("name", name, "description", "about it",
                "tags", List.of("t1"), "default_output_destination", "s3://bucket/out")).get("id").asText();

        JsonNode project = api.project(id);

        WireShapes.project(project);
        assertThat(project.get("name").asText()).isEqualTo(name);
        assertThat(project.get("basename").asText()).isEqualTo(name);
        assertThat(project.get("description").asText()).isEqualTo("about it");
        assertThat(project.get("default_output_destination").asText()).isEqualTo("s3://bucket/out");
    }

    @Test
    void nestedCreateCreatesTheMissingParents() {
        String root = unique("nest");
        String leafId = api.createProject(root + "/b/c");

        JsonNode a = byName(root);
        JsonNode b = byName(root + "/b");
        JsonNode c = api.project(leafId);
        assertThat(c.get("name").asText()).isEqualTo(root + "/b/c");
        assertThat(c.get("basename").asText()).isEqualTo("c");
        assertThat(c.get("parent").asText()).isEqualTo(b.get("id").asText());
        assertThat(b.get("parent").asText()).isEqualTo(a.get("id").asText());
        assertThat(a.has("parent") && !a.get("parent").isNull()).isFalse();
    }

    @Test
    void namesAreCleanedOfEmptyPartsAndSpaces() {
        String root = unique("clean");
        String id = api.createProject(" " + root + "//b ");

        assertThat(api.project(id).get("name").asText()).isEqualTo(root + "/b");
    }

    @Test
    void aDuplicateNameIs400Subcode801() {
        String name = unique("dup");
        api.createProject(name);

        api.error("projects.create", body("name", name), 400, 801);
    }

    @Test
    void aNameShorterThanThreeCharactersIs400Subcode800() {
        api.error("projects.create", body("name", "ab"), 400, 800);
    }

    @Test
    void createWithoutNameIs400() {
        assertThat(api.call("projects.create", body("description", "x")).status()).isEqualTo(400);
    }

    @Test
    void getByIdOfAnUnknownProjectIs400Subcode401() {
        api.error("projects.get_by_id", body("project", "0123456789abcdef0123456789abcdef"), 400, 401);
    }

    @Test
    void theSdksLookupByEscapedNameFindsTheProjectId() {
        String name = unique("sdk lookup");
        String id = api.createProject(name);

        JsonNode data = api.ok("projects.get_all", body("name", "^" + TestApi.reEscape(name) + "$",
                "only_fields", List.of("id"), "search_hidden", true));

        assertThat(data.get("projects")).hasSize(1);
        assertThat(data.get("projects").get(0).get("id").asText()).isEqualTo(id);
    }

    @Test
    void getAllExWithStatsCountsTasksPerStatus() {
        TestApi a = api;
        String project = a.createProject(unique("stats"));
        a.createTask(unique("t"), project);
        String running = a.createTask(unique("t"), project);
        a.ok("tasks.started", body("task", running));
        String done = a.createTask(unique("t"), project);
        a.ok("tasks.completed", body("task", done, "force", true));
        String archived = a.createTask(unique("t"), project);
        a.ok("tasks.archive", body("tasks", List.of(archived)));

        JsonNode projects = a.ok("projects.get_all_ex", body("id", List.of(project), "include_stats", true))
                .get("projects");

        assertThat(projects).hasSize(1);
        JsonNode active = projects.get(0).get("stats").get("active");
        JsonNode counts = active.get("status_count");
        assertThat(counts.get("created").asInt()).isEqualTo(1);
        assertThat(counts.get("in_progress").asInt()).isEqualTo(1);
        assertThat(counts.get("completed").asInt()).isEqualTo(1);
        assertThat(counts.get("failed").asInt()).isZero();
        WireShapes.integer(active, "total_tasks");
        assertThat(active.get("total_tasks").asInt()).isEqualTo(3);
        WireShapes.list(projects.get(0), "sub_projects");
    }

    @Test
    void getAllExWithStatsForArchivedCountsOnlyArchivedTasks() {
        String project = api.createProject(unique("stats-arch"));
        api.createTask(unique("t"), project);
        String archived = api.createTask(unique("t"), project);
        api.ok("tasks.archive", body("tasks", List.of(archived)));

        JsonNode projects = api.ok("projects.get_all_ex", body("id", List.of(project), "include_stats", true,
                "stats_for_state", "archived")).get("projects");

        JsonNode stats = projects.get(0).get("stats");
        assertThat(stats.get("archived").get("total_tasks").asInt()).isEqualTo(1);
    }

    @Test
    void deletingAProjectWithTasksIs400Subcode402() {
        String project = api.createProject(unique("del"));
        String task = api.createTask(unique("t"), project);

        api.error("projects.delete", body("project", project), 400, 402);
        assertThat(api.project(project).get("id").asText()).isEqualTo(project);
        assertThat(api.task(task).get("project").asText()).isEqualTo(project);
    }

    @Test
    void tasksInASubProjectBlockTheDeletionToo() {
        String root = unique("del-sub");
        String parent = api.createProject(root);
        String child = api.createProject(root + "/child");
        api.createTask(unique("t"), child);

        api.error("projects.delete", body("project", parent), 400, 402);
    }

    @Test
    void archivedTasksDoNotBlockTheDeletion() {
        String project = api.createProject(unique("del-arch"));
        String task = api.createTask(unique("t"), project);
        api.ok("tasks.archive", body("tasks", List.of(task)));

        JsonNode data = api.ok("projects.delete", body("project", project));

        assertThat(data.get("deleted").asInt()).isEqualTo(1);
        assertThat(data.get("disassociated_tasks").asInt()).isEqualTo(1);
    }

    @Test
    void forcedDeleteTakesTheTasksOutOfAnyProject() {
        String project = api.createProject(unique("del-force"));
        String task = api.createTask(unique("t"), project);

        JsonNode data = api.ok("projects.delete", body("project", project, "force", true));

        WireShapes.integer(data, "deleted");
        WireShapes.integer(data, "disassociated_tasks");
        WireShapes.integer(data, "deleted_tasks");
        WireShapes.integer(data, "deleted_models");
        WireShapes.object(data, "urls");
        assertThat(data.get("disassociated_tasks").asInt()).isEqualTo(1);
        api.error("projects.get_by_id", body("project", project), 400, 401);
        JsonNode kept = api.task(task);
        assertThat(kept.hasNonNull("project")).as("project of %s", kept).isFalse();
    }

    @Test
    void deleteWithContentsDeletesTheTasksAndReportsArtifactUrls() {
        String project = api.createProject(unique("del-contents"));
        String task = api.createTask(unique("t"), project);
        api.ok("tasks.add_or_update_artifacts", body("task", task, "artifacts",
                List.of(Map.of("key", "data", "type", "custom", "uri", "http://files/x/data.bin"))));
        api.ok("tasks.started", body("task", task));
        api.ok("events.add", body("task", task, "type", "training_debug_image", "metric", "m", "variant", "v",
                "iter", 0, "timestamp", 1_700_000_000_000L, "url", "http://files/x/m/v.png"));

        JsonNode data = api.ok("projects.delete", body("project", project, "force", true,
                "delete_contents", true));

        assertThat(data.get("deleted_tasks").asInt()).isEqualTo(1);
        assertThat(data.get("urls").get("artifact_urls")).extracting(JsonNode::asText)
                .containsExactly("http://files/x/data.bin");
        // behaviour §4 the deleted tasks' debug images are reported
        assertThat(data.get("urls").get("event_urls")).extracting(JsonNode::asText)
                .containsExactly("http://files/x/m/v.png");
        api.error("tasks.get_by_id", body("task", task), 400, 101);
    }

    @Test
    void deleteWithContentsDeletesTheModelsToo() {
        String project = api.createProject(unique("del-models"));
        String model = api.createModel(unique("m"), project);

        JsonNode data = api.ok("projects.delete", body("project", project, "force", true,
                "delete_contents", true));

        assertThat(data.get("deleted_models").asInt()).isEqualTo(1);
        api.error("models.get_by_id", body("model", model), 400, 201);
    }

    @Test
    void mergeMovesTheTasksIntoTheDestination() {
        String source = api.createProject(unique("merge-src"));
        String destination = api.createProject(unique("merge-dst"));
        String task = api.createTask(unique("t"), source);

        JsonNode data = api.ok("projects.merge", body("project", source, "destination_project", destination));

        assertThat(data.get("moved_entities").asInt()).isEqualTo(1);
        assertThat(api.task(task).get("project").asText()).isEqualTo(destination);
        api.error("projects.get_by_id", body("project", source), 400, 401);
    }
}
