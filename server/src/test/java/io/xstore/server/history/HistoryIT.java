package io.xstore.server.history;

import com.fasterxml.jackson.databind.JsonNode;
import io.xstore.server.ApiClient;
import io.xstore.server.ServerTestSupport;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The history service (docs/api/history.md) against the whole server: real event store, projections, MongoDB. */
class HistoryIT extends ServerTestSupport {

    private final ApiClient api = new ApiClient(apiBaseUrl());

    /** A task's life: created in A, tagged, moved to B, started, tuned, given an artifact, completed. */
    private record Life(String task, String projectA, String projectB, String startCall, List<String> times,
                        List<JsonNode> states) {
    }

    private Life life() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String projectA = id(api.call("/projects.create", Map.of("name", "hist A " + suffix)));
        String projectB = id(api.call("/projects.create", Map.of("name", "hist B " + suffix)));
        String task = id(api.call("/tasks.create", Map.of("name", "history " + suffix, "type", "training",
                "project", projectA)));
        List<String> times = new ArrayList<>();
        List<JsonNode> states = new ArrayList<>();
        api.call("/tasks.update_tags", Map.of("ids", List.of(task), "add_tags", List.of("best")));
        remember(task, times, states);
        api.call("/tasks.move", Map.of("ids", List.of(task), "project", projectB));
        String startCall = api.call("/tasks.started", Map.of("task", task)).meta().get("id").asText();
        api.call("/tasks.edit_hyper_params", Map.of("task", task, "hyperparams",
                List.of(Map.of("section", "Args", "name", "lr", "value", "0.1")), "force", true));
        remember(task, times, states);
        api.call("/tasks.edit_hyper_params", Map.of("task", task, "hyperparams",
                List.of(Map.of("section", "Args", "name", "lr", "value", "0.01")), "force", true));
        api.call("/tasks.add_or_update_artifacts", Map.of("task", task, "artifacts",
                List.of(Map.of("key", "model.pkl", "type", "pickle", "uri", "file:///tmp/model.pkl")), "force", true));
        api.call("/tasks.completed", Map.of("task", task));
        remember(task, times, states);
        return new Life(task, projectA, projectB, startCall, times, states);
    }

    /** The task as get_by_id answers now, and the time of its newest history entry. */
    private void remember(String task, List<String> times, List<JsonNode> states) {
        states.add(api.call("/tasks.get_by_id", Map.of("task", task)).data());
        times.add(entries(api.call("/history.get_task", Map.of("task", task))).get(0).get("time").asText());
    }

    @Test
    void aTasksHistoryListsEveryChangeNewestFirstInPlainWords() {
        Life life = life();

        ApiClient.Reply reply = api.call("/history.get_task", Map.of("task", life.task()));

        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
        List<JsonNode> entries = entries(reply);
        assertThat(kinds(entries)).containsExactly("completed", "artifacts_changed", "hyperparams_changed",
                "hyperparams_changed", "started", "moved", "tags_changed", "created");
        assertThat(reply.data().get("total").asInt()).isEqualTo(8);
        assertThat(entries.get(0).get("description").asText()).isEqualTo("status in_progress → completed");
        assertThat(entries.get(1).get("description").asText()).isEqualTo("artifact `model.pkl` added");
        assertThat(entries.get(2).get("description").asText()).isEqualTo("hyperparameter Args/lr 0.1 → 0.01");
        assertThat(entries.get(3).get("description").asText()).isEqualTo("hyperparameter Args/lr added (0.1)");
        assertThat(entries.get(4).get("description").asText()).isEqualTo("status created → in_progress");
        assertThat(entries.get(5).get("description").asText()).startsWith("moved from project `hist A ")
                .contains(" to `hist B ");
        assertThat(entries.get(6).get("description").asText()).isEqualTo("tag `best` added");
        assertThat(entries.get(7).get("description").asText()).startsWith("task `history ");

        JsonNode started = entries.get(4);
        assertThat(started.get("call_id").asText()).isEqualTo(life.startCall());
        assertThat(started.get("actor").get("name").asText()).isEqualTo("tests");
        assertThat(started.get("actor").get("id").asText()).isNotEmpty();
        assertThat(change(started, "status").get("before").asText()).isEqualTo("created");
        assertThat(change(started, "status").get("after").asText()).isEqualTo("in_progress");
        assertThat(change(entries.get(2), "hyperparams.Args.lr.value").get("after").asText()).isEqualTo("0.01");
        assertThat(change(entries.get(5), "project").get("before").asText()).isEqualTo(life.projectA());
        assertThat(change(entries.get(5), "project").get("after").asText()).isEqualTo(life.projectB());
        assertThat(change(entries.get(6), "tags").get("after").toString()).isEqualTo("[\"best\"]");
        assertThat(change(entries.get(1), "execution.artifacts[model.pkl]").get("after").get("uri").asText())
                .isEqualTo("file:///tmp/model.pkl");
        for (JsonNode entry : entries) {
            for (JsonNode change : entry.get("changes")) {
                assertThat(change.get("field").asText()).isNotIn("last_update", "last_change", "last_changed_by");
            }
            assertThat(entry.has("event")).as("no event class names").isFalse();
        }
    }

    @Test
    void entriesArePagedNewestFirst() {
        Life life = life();

        List<JsonNode> first = entries(api.call("/history.get_task", Map.of("task", life.task(), "page", 0,
                "page_size", 3)));
        List<JsonNode> second = entries(api.call("/history.get_task", Map.of("task", life.task(), "page", 1,
                "page_size", 3)));
        List<JsonNode> last = entries(api.call("/history.get_task", Map.of("task", life.task(), "page", 2,
                "page_size", 3)));

        assertThat(kinds(first)).containsExactly("completed", "artifacts_changed", "hyperparams_changed");
        assertThat(kinds(second)).containsExactly("hyperparams_changed", "started", "moved");
        assertThat(kinds(last)).containsExactly("tags_changed", "created");
        assertThat(first.get(0).get("seq").asLong()).isGreaterThan(first.get(2).get("seq").asLong());
    }

    @Test
    void filtersByKindTimeAndActor() {
        Life life = life();
        String actor = entries(api.call("/history.get_task", Map.of("task", life.task()))).get(0)
                .get("actor").get("id").asText();

        List<JsonNode> statusOnly = entries(api.call("/history.get_task", Map.of("task", life.task(),
                "kinds", List.of("started", "completed"))));
        assertThat(kinds(statusOnly)).containsExactly("completed", "started");

        List<JsonNode> untilSecondPoint = entries(api.call("/history.get_task", Map.of("task", life.task(),
                "to", life.times().get(1))));
        assertThat(kinds(untilSecondPoint)).containsExactly("hyperparams_changed", "started", "moved",
                "tags_changed", "created");
        List<JsonNode> fromSecondPoint = entries(api.call("/history.get_task", Map.of("task", life.task(),
                "from", life.times().get(1))));
        assertThat(kinds(fromSecondPoint)).containsExactly("completed", "artifacts_changed", "hyperparams_changed",
                "hyperparams_changed");

        assertThat(entries(api.call("/history.get_task", Map.of("task", life.task(), "actor", actor))))
                .hasSize(8);
        assertThat(entries(api.call("/history.get_task", Map.of("task", life.task(), "actor", "somebody-else"))))
                .isEmpty();
    }

    @Test
    void asOfReproducesGetByIdExactlyAtThreePoints() {
        Life life = life();

        for (int i = 0; i < 3; i++) {
            ApiClient.Reply past = api.call("/tasks.get_by_id", Map.of("task", life.task(),
                    "as_of", life.times().get(i)));
            assertThat(past.status()).as(past.body().toString()).isEqualTo(200);
            assertThat(past.data()).as("as_of point %d", i).isEqualTo(life.states().get(i));
        }
        assertThat(life.states().get(0)).isNotEqualTo(life.states().get(1));
    }

    @Test
    void asOfBeforeCreationIsNotFoundAndABadAsOfIsA400() {
        String task = id(api.call("/tasks.create", Map.of("name", "as_of early", "type", "training")));

        ApiClient.Reply early = api.call("/tasks.get_by_id", Map.of("task", task, "as_of", 1_000));
        ApiClient.Reply bad = api.call("/tasks.get_by_id", Map.of("task", task, "as_of", "yesterday"));
        ApiClient.Reply epoch = api.call("/tasks.get_by_id", Map.of("task", task,
                "as_of", System.currentTimeMillis() + 60_000));

        assertThat(early.status()).isEqualTo(400);
        assertThat(early.subcode()).isEqualTo(101);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.subcode()).isEqualTo(12);
        assertThat(bad.meta().get("result_msg").asText()).contains("as_of must be an ISO-8601 time");
        assertThat(epoch.data()).isEqualTo(api.call("/tasks.get_by_id", Map.of("task", task)).data());
    }

    @Test
    void asOfWorksForModelsAndProjects() {
        String project = id(api.call("/projects.create", Map.of("name", "as_of project " + UUID.randomUUID())));
        JsonNode projectBefore = api.call("/projects.get_by_id", Map.of("project", project)).data();
        String model = id(api.call("/models.create", Map.of("name", "as_of model", "uri", "file:///m",
                "project", project)));
        JsonNode modelBefore = api.call("/models.get_by_id", Map.of("model", model)).data();
        String modelTime = entries(api.call("/history.get_model", Map.of("model", model))).get(0).get("time")
                .asText();
        String projectTime = entries(api.call("/history.get_project", Map.of("project", project))).get(0)
                .get("time").asText();
        api.call("/models.update", Map.of("model", model, "comment", "later"));
        api.call("/projects.update", Map.of("project", project, "description", "later"));

        assertThat(api.call("/models.get_by_id", Map.of("model", model, "as_of", modelTime)).data())
                .isEqualTo(modelBefore);
        assertThat(api.call("/projects.get_by_id", Map.of("project", project, "as_of", projectTime)).data())
                .isEqualTo(projectBefore);
        assertThat(api.call("/models.get_by_id", Map.of("model", model)).data()).isNotEqualTo(modelBefore);
    }

    @Test
    void diffBetweenTwoPointsAndBetweenTwoTasks() {
        Life life = life();
        List<JsonNode> entries = entries(api.call("/history.get_task", Map.of("task", life.task())));
        long movedSeq = entries.get(5).get("seq").asLong();

        ApiClient.Reply bySeq = api.call("/history.diff", Map.of("task", life.task(),
                "a", Map.of("seq", movedSeq - 1), "b", Map.of("seq", movedSeq)));
        ApiClient.Reply byTime = api.call("/history.diff", Map.of("task", life.task(),
                "a", Map.of("as_of", life.times().get(0)), "b", Map.of("as_of", life.times().get(2))));

        assertThat(bySeq.status()).as(bySeq.body().toString()).isEqualTo(200);
        assertThat(fields(bySeq.data().get("changes"))).containsExactly("project");
        assertThat(pair(bySeq.data().get("changes"), "project").get("a").asText()).isEqualTo(life.projectA());
        assertThat(pair(bySeq.data().get("changes"), "project").get("b").asText()).isEqualTo(life.projectB());
        assertThat(fields(byTime.data().get("changes"))).contains("status", "project", "hyperparams.Args.lr",
                "execution.artifacts[model.pkl]");
        assertThat(pair(byTime.data().get("changes"), "status").get("b").asText()).isEqualTo("completed");

        String other = id(api.call("/tasks.create", Map.of("name", "other " + UUID.randomUUID(),
                "type", "testing", "project", life.projectB())));
        ApiClient.Reply tasks = api.call("/history.diff_tasks", Map.of("tasks", List.of(life.task(), other)));
        assertThat(tasks.status()).as(tasks.body().toString()).isEqualTo(200);
        assertThat(fields(tasks.data().get("changes"))).contains("id", "name", "type", "status", "tags")
                .doesNotContain("project", "last_update");
        assertThat(pair(tasks.data().get("changes"), "type").get("a").asText()).isEqualTo("training");
        assertThat(pair(tasks.data().get("changes"), "type").get("b").asText()).isEqualTo("testing");
    }

    @Test
    void metricProgressIsOneEntryPerRunUnlessAskedForSingly() throws Exception {
        String task = id(api.call("/tasks.create", Map.of("name", "metrics " + UUID.randomUUID(),
                "type", "training")));
        api.call("/tasks.started", Map.of("task", task));
        for (int iter = 0; iter < 3; iter++) {
            postJsonLines(scalar(task, "loss", "train", iter * 100, 1.0 / (iter + 1), 1_000 + iter));
        }
        api.call("/tasks.update_tags", Map.of("ids", List.of(task), "add_tags", List.of("midway")));
        postJsonLines(scalar(task, "loss", "train", 300, 0.2, 2_000));

        List<JsonNode> grouped = entries(api.call("/history.get_task", Map.of("task", task)));
        List<JsonNode> single = entries(api.call("/history.get_task", Map.of("task", task,
                "include_metrics", true)));
        List<JsonNode> onlyMetrics = entries(api.call("/history.get_task", Map.of("task", task,
                "kinds", List.of("metrics_reported"))));

        assertThat(kinds(grouped)).containsExactly("metrics_reported", "tags_changed", "metrics_reported",
                "started", "created");
        assertThat(grouped.get(2).get("count").asInt()).isEqualTo(3);
        assertThat(grouped.get(2).get("description").asText()).isEqualTo("metrics reported 3 times, iteration 0 → 200");
        assertThat(grouped.get(0).get("count").asInt()).isEqualTo(1);
        assertThat(kinds(single)).containsExactly("metrics_reported", "tags_changed", "metrics_reported",
                "metrics_reported", "metrics_reported", "started", "created");
        assertThat(kinds(onlyMetrics)).containsExactly("metrics_reported", "metrics_reported");
    }

    @Test
    void theAuditListingIsForAdminsAndPagesTheCompanyNewestFirst() {
        Life life = life();
        String userId = id(api.call("/auth.create_user", Map.of("name", "plain " + UUID.randomUUID(),
                "email", "plain@example.com")));

        ApiClient.Reply all = api.call("/history.get_all", Map.of("page_size", 20));
        ApiClient.Reply moves = api.call("/history.get_all", Map.of("kinds", List.of("moved"), "page_size", 500,
                "from", life.times().get(0)));
        ApiClient.Reply asUser = api.send("POST", "/history.get_all", "{}", "Bearer " + api.token(),
                "X-ClearML-Impersonate-As", userId);

        assertThat(all.status()).as(all.body().toString()).isEqualTo(200);
        List<JsonNode> entries = entries(all);
        assertThat(entries).anySatisfy(e -> {
            assertThat(e.get("entity").get("id").asText()).isEqualTo(userId);
            assertThat(e.get("kind").asText()).isEqualTo("created");
        });
        List<JsonNode> ofTask = entries(api.call("/history.get_all", Map.of("page_size", 500,
                "from", life.times().get(0)))).stream()
                .filter(e -> e.get("entity").get("id").asText().equals(life.task())).toList();
        assertThat(kinds(ofTask)).containsExactly("completed", "artifacts_changed", "hyperparams_changed",
                "hyperparams_changed", "started", "moved", "tags_changed");
        assertThat(ofTask.get(0).get("description").asText()).isEqualTo("status in_progress → completed");
        ApiClient.Reply firstTwo = api.call("/history.get_all", Map.of("page", 0, "page_size", 2));
        ApiClient.Reply nextTwo = api.call("/history.get_all", Map.of("page", 1, "page_size", 2));
        assertThat(entries(firstTwo)).hasSize(2);
        assertThat(entries(nextTwo)).hasSize(2);
        assertThat(firstTwo.data().get("has_more").asBoolean()).isTrue();
        assertThat(entries(firstTwo).get(1).get("seq").asLong() != entries(nextTwo).get(0).get("seq").asLong()
                || !entries(firstTwo).get(1).get("entity").equals(entries(nextTwo).get(0).get("entity")))
                .as("pages do not overlap").isTrue();
        List<JsonNode> moved = entries(moves).stream()
                .filter(e -> e.get("entity").get("id").asText().equals(life.task())).toList();
        assertThat(moved).hasSize(1);
        assertThat(moved.get(0).get("description").asText()).startsWith("moved from project `hist A ");
        assertThat(moved.get(0).get("entity").get("name").asText()).startsWith("history ");
        assertThat(entries(moves)).allSatisfy(e -> assertThat(e.get("kind").asText()).isEqualTo("moved"));
        assertThat(asUser.status()).isEqualTo(403);
        assertThat(asUser.subcode()).isEqualTo(20);
    }

    @Test
    void aUsersHistoryShowsTheirCredentialsWithoutSecrets() {
        String userId = id(api.call("/auth.create_user", Map.of("name", "cred user " + UUID.randomUUID(),
                "email", "cred@example.com")));
        ApiClient.Reply created = api.send("POST", "/auth.create_credentials", "{\"label\": \"laptop\"}",
                "Bearer " + api.token(), "X-ClearML-Impersonate-As", userId);
        String key = created.data().get("credentials").get("access_key").asText();

        ApiClient.Reply history = api.call("/history.get_user", Map.of("user", userId));
        ApiClient.Reply other = api.send("POST", "/history.get_user", "{\"user\": \"someone-else\"}",
                "Bearer " + api.token(), "X-ClearML-Impersonate-As", userId);

        assertThat(history.status()).as(history.body().toString()).isEqualTo(200);
        List<JsonNode> entries = entries(history);
        assertThat(kinds(entries)).containsExactly("credentials_created", "created");
        assertThat(entries.get(0).get("description").asText()).isEqualTo("credentials `" + key + "` created");
        assertThat(history.body().toString()).doesNotContain("secret");
        assertThat(other.status()).isEqualTo(403);
    }

    @Test
    void unknownIdsWrongKindsAndBadInputAre400s() {
        String model = id(api.call("/models.create", Map.of("name", "history model", "uri", "file:///m")));

        ApiClient.Reply wrongKind = api.call("/history.get_task", Map.of("task", model));
        ApiClient.Reply unknown = api.call("/history.get_model", Map.of("model", "no-such-model"));
        ApiClient.Reply badPage = api.call("/history.get_model", Map.of("model", model, "page", -1));
        ApiClient.Reply badFrom = api.call("/history.get_model", Map.of("model", model, "from", "soon"));
        ApiClient.Reply badDiff = api.call("/history.diff", Map.of("model", model, "a", Map.of("seq", "x")));
        ApiClient.Reply noEntity = api.call("/history.diff", Map.of("a", Map.of("seq", 0)));
        ApiClient.Reply badTasks = api.call("/history.diff_tasks", Map.of("tasks", List.of(model)));

        assertThat(wrongKind.status()).isEqualTo(400);
        assertThat(wrongKind.subcode()).isEqualTo(101);
        assertThat(unknown.subcode()).isEqualTo(201);
        for (ApiClient.Reply reply : List.of(badPage, badFrom, badDiff, noEntity, badTasks)) {
            assertThat(reply.status()).as(reply.body().toString()).isEqualTo(400);
        }
    }

    // ---- helpers ----

    private static String id(ApiClient.Reply reply) {
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
        return reply.data().get("id").asText();
    }

    private static List<JsonNode> entries(ApiClient.Reply reply) {
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
        List<JsonNode> out = new ArrayList<>();
        reply.data().get("entries").forEach(out::add);
        return out;
    }

    private static List<String> kinds(List<JsonNode> entries) {
        return entries.stream().map(e -> e.get("kind").asText()).toList();
    }

    private static JsonNode change(JsonNode entry, String field) {
        for (JsonNode change : entry.get("changes")) {
            if (change.get("field").asText().equals(field)) {
                return change;
            }
        }
        throw new AssertionError("no change of " + field + " in " + entry);
    }

    private static List<String> fields(JsonNode changes) {
        List<String> out = new ArrayList<>();
        changes.forEach(c -> out.add(c.get("field").asText()));
        return out;
    }

    private static JsonNode pair(JsonNode changes, String field) {
        Map<String, JsonNode> byField = new HashMap<>();
        changes.forEach(c -> byField.put(c.get("field").asText(), c));
        assertThat(byField).containsKey(field);
        return byField.get(field);
    }

    private static String scalar(String task, String metric, String variant, long iter, double value, long ts) {
        return ("{\"task\": \"%s\", \"timestamp\": %d, \"metric\": \"%s\", \"variant\": \"%s\", \"iter\": %d, "
                + "\"value\": %s, \"type\": \"training_stats_scalar\"}").formatted(task, ts, metric, variant, iter,
                value);
    }

    private void postJsonLines(String body) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(apiBaseUrl() + "/v2.23/events.add_batch"))
                        .header("Authorization", "Bearer " + api.token())
                        .header("Content-Type", "application/json-lines")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }
}
