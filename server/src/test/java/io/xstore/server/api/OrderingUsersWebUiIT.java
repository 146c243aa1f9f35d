package io.xstore.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.xstore.server.ServerTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.xstore.server.api.TestApi.body;
import static io.xstore.server.api.TestApi.unique;
import static org.assertj.core.api.Assertions.assertThat;

/** Numeric ordering (§2), users (§8) and what the reference web UI relies on (§9), docs/api/behaviour-rules.md. */
class OrderingUsersWebUiIT extends ServerTestSupport {

    private TestApi api;
    private String project;

    @BeforeEach
    void setUp() {
        api = new TestApi(apiBaseUrl());
        project = api.createProject(unique("rules-it"));
    }

    // behaviour §2 numeric collation for user-defined fields, with paging and scroll_id agreeing
    @Test
    void behaviour2HyperparamsSortNumericallyAcrossPagesAndScrolls() {
        List<String> values = List.of("10", "2", "1", "33", "4");
        Map<String, String> byValue = new java.util.HashMap<>();
        for (String value : values) {
            byValue.put(value, api.createTask(body("name", unique("t" + value), "type", "training", "project",
                    project, "hyperparams", Map.of("Args", Map.of("lr", Map.of("value", value))))));
        }
        List<String> expected = List.of(byValue.get("1"), byValue.get("2"), byValue.get("4"), byValue.get("10"),
                byValue.get("33"));

        JsonNode all = api.ok("tasks.get_all", body("project", List.of(project), "order_by",
                List.of("hyperparams.Args.lr.value"), "only_fields", List.of("id")));
        assertThat(ids(all.get("tasks"))).isEqualTo(expected);

        JsonNode page1 = api.ok("tasks.get_all", body("project", List.of(project), "order_by",
                List.of("-hyperparams.Args.lr.value"), "only_fields", List.of("id"), "page", 1, "page_size", 2));
        assertThat(ids(page1.get("tasks"))).containsExactly(byValue.get("4"), byValue.get("2"));

        List<String> scrolled = new ArrayList<>();
        Map<String, Object> start = body("project", List.of(project), "order_by",
                List.of("hyperparams.Args.lr.value"), "only_fields", List.of("id"), "size", 2);
        start.put("scroll_id", null);
        JsonNode scroll = api.ok("tasks.get_all", start);
        while (!scroll.get("tasks").isEmpty()) {
            scrolled.addAll(ids(scroll.get("tasks")));
            scroll = api.ok("tasks.get_all", body("project", List.of(project), "order_by",
                    List.of("hyperparams.Args.lr.value"), "only_fields", List.of("id"), "size", 2,
                    "scroll_id", scroll.get("scroll_id").asText()));
        }
        assertThat(scrolled).isEqualTo(expected);
    }

    // behaviour §2 numeric collation for user-defined fields: models' metadata
    @Test
    void behaviour2ModelMetadataSortsNumerically() {
        List<String> ids = new ArrayList<>();
        for (String value : List.of("9", "100", "20")) {
            String id = api.createModel(unique("m" + value), project);
            api.ok("models.add_or_update_metadata", body("model", id, "metadata",
                    List.of(Map.of("key", "epoch", "type", "int", "value", value))));
            ids.add(id);
        }

        JsonNode models = api.ok("models.get_all", body("project", List.of(project), "order_by",
                List.of("metadata.epoch.value"), "only_fields", List.of("id"))).get("models");

        assertThat(ids(models)).containsExactly(ids.get(0), ids.get(2), ids.get(1));
    }

    // behaviour §8 users.get_all_ex with active_in_projects
    @Test
    void behaviour8UsersActiveInProjects() {
        String empty = api.createProject(unique("empty"));
        api.createTask(unique("t"), project);

        JsonNode active = api.ok("users.get_all_ex", body("active_in_projects", List.of(project))).get("users");
        JsonNode none = api.ok("users.get_all_ex", body("active_in_projects", List.of(empty + "-none")))
                .get("users");
        JsonNode any = api.ok("users.get_all_ex", body("active_in_projects", List.of())).get("users");
        String me = api.ok("users.get_current_user", body()).get("user").get("id").asText();

        assertThat(ids(active)).contains(me);
        assertThat(none).isEmpty();
        assertThat(ids(any)).contains(me);
        assertThat(api.ok("users.get_all_ex", body("active_in_projects", List.of(project), "id",
                List.of("nobody"))).get("users")).isEmpty();
    }

    // behaviour §8 users.delete exists (admin)
    @Test
    void behaviour8UsersDeleteByAnAdmin() {
        api.error("users.delete", body("user", "no-such-user"), 400, 301);
        String me = api.ok("users.get_current_user", body()).get("user").get("id").asText();
        api.error("users.delete", body("user", me), 400, 12);

        String other = api.ok("auth.create_user", body("name", unique("leaver"), "email", unique("l") + "@x.org"))
                .get("id").asText();
        api.ok("users.get_by_id", body("user", other));
        assertThat(api.ok("users.delete", body("user", other)).get("deleted").asInt()).isEqualTo(1);
        api.error("users.get_by_id", body("user", other), 400, 301);
    }

    // behaviour §9 artifacts always carry display_data
    @Test
    void behaviour9ArtifactsAlwaysCarryDisplayData() {
        String task = api.createTask(unique("t"), project);
        api.ok("tasks.add_or_update_artifacts", body("task", task, "artifacts", List.of(
                Map.of("key", "plain", "type", "custom"),
                Map.of("key", "shown", "type", "custom", "display_data", List.of(List.of("rows", "3"))))));

        JsonNode artifacts = api.ok("tasks.get_all_ex", body("id", List.of(task), "only_fields",
                List.of("execution.artifacts"))).get("tasks").get(0).get("execution").get("artifacts");

        assertThat(artifacts.get(0).get("display_data").isArray()).isTrue();
        assertThat(artifacts.get(0).get("display_data")).isEmpty();
        assertThat(artifacts.get(1).get("display_data").get(0).get(0).asText()).isEqualTo("rows");
        assertThat(api.task(task).get("execution").get("artifacts").get(0).get("display_data").isArray()).isTrue();
    }

    private static List<String> ids(JsonNode items) {
        List<String> out = new ArrayList<>();
        items.forEach(item -> out.add(item.get("id").asText()));
        return out;
    }
}
