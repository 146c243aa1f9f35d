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

/** Legacy hyperparameters and the shapes of old API versions (docs/api/behaviour-rules.md §1, docs/api/versions.md). */
class LegacyShapesIT extends ServerTestSupport {

    private TestApi api;
    private ApiClient client;
    private String project;

    @BeforeEach
    void setUp() {
        api = new TestApi(apiBaseUrl());
        client = new ApiClient(apiBaseUrl());
        project = api.createProject(unique("legacy-it"));
    }

    // behaviour §1 legacy parameters always merge (Args, TF_DEFINE/ without prefix, other '/' kept)
    @Test
    void behaviour1LegacyParametersAlwaysMergeBesideHyperparams() {
        String task = api.createTask(body("name", unique("t"), "type", "training", "project", project,
                "hyperparams", Map.of("General", Map.of("batch", Map.of("value", "32"))),
                "execution", Map.of("parameters", Map.of("lr", "0.1", "TF_DEFINE/epochs", "5", "a/b", "x"))));

        JsonNode hyperparams = api.task(task).get("hyperparams");

        assertThat(hyperparams.get("General").get("batch").get("value").asText()).isEqualTo("32");
        assertThat(hyperparams.get("Args").get("lr").get("type").asText()).isEqualTo("legacy");
        assertThat(hyperparams.get("Args").get("a/b").get("value").asText()).isEqualTo("x");
        assertThat(hyperparams.get("TF_DEFINE").get("epochs").get("value").asText()).isEqualTo("5");
        assertThat(hyperparams.get("TF_DEFINE").get("epochs").get("type").asText()).isEqualTo("legacy");
    }

    // behaviour §1 legacy model_desc always merges into configuration
    @Test
    void behaviour1LegacyModelDescAlwaysMerges() {
        String task = api.createTask(body("name", unique("t"), "type", "training", "project", project,
                "configuration", Map.of("cfg", Map.of("value", "a: 1")),
                "execution", Map.of("model_desc", Map.of("design", "layers: 3"))));

        JsonNode configuration = api.task(task).get("configuration");

        assertThat(configuration.get("cfg").get("value").asText()).isEqualTo("a: 1");
        assertThat(configuration.get("design").get("type").asText()).isEqualTo("legacy");
        assertThat(configuration.get("design").get("value").asText()).isEqualTo("layers: 3");
    }

    // behaviour §1 a legacy edit replaces only legacy items
    @Test
    void behaviour1LegacyEditReplacesOnlyLegacyItems() {
        String task = api.createTask(body("name", unique("t"), "type", "training", "project", project,
                "hyperparams", Map.of("General", Map.of("batch", Map.of("value", "32"))),
                "execution", Map.of("parameters", Map.of("lr", "0.1", "old", "1"))));

        api.ok("tasks.edit", body("task", task, "execution", Map.of("parameters", Map.of("lr", "0.2"))));

        JsonNode hyperparams = api.task(task).get("hyperparams");
        assertThat(hyperparams.get("General").get("batch").get("value").asText()).isEqualTo("32");
        assertThat(hyperparams.get("Args").get("lr").get("value").asText()).isEqualTo("0.2");
        assertThat(hyperparams.get("Args").has("old")).isFalse();
    }

    // behaviour §1 requests below 2.9 get the legacy fields back
    @Test
    void behaviour1RequestsBelow29GetTheLegacyFieldsBack() {
        String task = api.createTask(body("name", unique("t"), "type", "training", "project", project,
                "execution", Map.of("parameters", Map.of("lr", "0.1", "TF_DEFINE/epochs", "5"),
                        "model_desc", Map.of("design", "layers: 3"))));

        JsonNode old = ok("/v2.8/tasks.get_by_id", body("task", task)).get("task");
        JsonNode current = api.task(task);

        assertThat(old.get("execution").get("parameters").get("lr").asText()).isEqualTo("0.1");
        assertThat(old.get("execution").get("parameters").get("TF_DEFINE/epochs").asText()).isEqualTo("5");
        assertThat(old.get("execution").get("model_desc").get("design").asText()).isEqualTo("layers: 3");
        assertThat(current.path("execution").has("parameters")).isFalse();
    }

    // behaviour §1 model fields below 2.13 (execution.model, output.model, docker_cmd)
    @Test
    void behaviour1ModelFieldsBelow213() {
        String model = api.createModel(unique("m"), project);
        String task = ok("/v2.12/tasks.create", body("name", unique("t"), "type", "training", "project", project,
                "execution", Map.of("model", model, "docker_cmd", "python:3.9 --ipc=host"))).get("id").asText();

        JsonNode current = api.task(task);
        assertThat(current.get("models").get("input").get(0).get("name").asText()).isEqualTo("Input Model");
        assertThat(current.get("models").get("input").get(0).get("model").asText()).isEqualTo(model);
        assertThat(current.get("container").get("image").asText()).isEqualTo("python:3.9");
        assertThat(current.get("container").get("arguments").asText()).isEqualTo("--ipc=host");

        JsonNode old = ok("/v2.12/tasks.get_all", body("id", List.of(task))).get("tasks").get(0);
        assertThat(old.get("execution").get("model").asText()).isEqualTo(model);
        assertThat(old.get("execution").get("docker_cmd").asText()).isEqualTo("python:3.9 --ipc=host");
    }

    // behaviour §1 tags below 2.3 move to system_tags, and come back merged
    @Test
    void behaviour1TagsBelow23() {
        String task = ok("/v2.2/tasks.create", body("name", unique("t"), "type", "training", "project", project,
                "tags", List.of("archived", "mine", "annotation-x"))).get("id").asText();

        JsonNode current = api.task(task);
        assertThat(texts(current.get("tags"))).containsExactly("mine");
        assertThat(texts(current.get("system_tags"))).contains("archived", "annotation-x");

        JsonNode old = ok("/v2.2/tasks.get_by_id", body("task", task)).get("task");
        assertThat(texts(old.get("tags"))).contains("mine", "archived", "annotation-x");

        JsonNode filtered = ok("/v2.2/tasks.get_all", body("id", List.of(task), "tags", List.of("-archived")));
        assertThat(filtered.get("tasks")).isEmpty();
    }

    // behaviour §1 client-escaped paths in order_by and filter keys; legacy prefixes rewritten
    @Test
    void behaviour1ClientEscapedPathsAndLegacyPrefixes() {
        String first = api.createTask(body("name", unique("t"), "type", "training", "project", project,
                "hyperparams", Map.of("sec.tion1", Map.of("p", Map.of("value", "5"))),
                "execution", Map.of("parameters", Map.of("lr", "2"))));
        String second = api.createTask(body("name", unique("t"), "type", "training", "project", project,
                "hyperparams", Map.of("sec.tion1", Map.of("p", Map.of("value", "6"))),
                "execution", Map.of("parameters", Map.of("lr", "10"))));

        JsonNode byEscaped = api.ok("tasks.get_all", body("project", List.of(project),
                "hyperparams.sec%2Etion1.p.value", "5", "only_fields", List.of("id")));
        assertThat(byEscaped.get("tasks")).hasSize(1);
        assertThat(byEscaped.get("tasks").get(0).get("id").asText()).isEqualTo(first);

        JsonNode byLegacy = api.ok("tasks.get_all", body("project", List.of(project), "order_by",
                List.of("-execution.parameters.lr.value"), "only_fields", List.of("id")));
        assertThat(byLegacy.get("tasks").get(0).get("id").asText()).isEqualTo(second);

        JsonNode projected = api.ok("tasks.get_all", body("id", List.of(first),
                "only_fields", List.of("id", "hyperparams.sec%2Etion1.p")));
        JsonNode hyperparams = projected.get("tasks").get(0).get("hyperparams");
        assertThat(hyperparams.get("sec.tion1").get("p").get("value").asText()).isEqualTo("5");
        assertThat(hyperparams.has("Args")).isFalse();
    }

    private JsonNode ok(String path, Object body) {
        ApiClient.Reply reply = client.call(path, body);
        assertThat(reply.status()).as("%s -> %s", path, reply.body()).isEqualTo(200);
        return reply.data();
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(node -> out.add(node.asText()));
        return out;
    }
}
