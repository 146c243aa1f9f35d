package io.xstore.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.xstore.server.ServerTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static io.xstore.server.api.TestApi.body;
import static io.xstore.server.api.TestApi.unique;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * tasks.get_all filters, projection, ordering, paging and scrolling (docs/api/README.md, Lists), over three tasks of
 * their own project: alpha (created, tags red+blue), beta (in_progress, red), gamma (completed, green).
 */
class TaskQueriesIT extends ServerTestSupport {

    private static String project;
    private static String prefix;
    private static String alpha;
    private static String beta;
    private static String gamma;

    private TestApi api;

    @BeforeEach
    void setUp() {
        api = new TestApi(apiBaseUrl());
        if (project == null) {
            prefix = unique("q");
            String p = api.createProject(prefix);
            alpha = api.createTask(body("name", prefix + "-alpha", "type", "training", "project", p,
                    "tags", List.of("red", "blue")));
            beta = api.createTask(body("name", prefix + "-beta", "type", "testing", "project", p,
                    "tags", List.of("red")));
            gamma = api.createTask(body("name", prefix + "-gamma", "type", "training", "project", p,
                    "tags", List.of("green")));
            api.ok("tasks.started", body("task", beta));
            api.ok("tasks.started", body("task", gamma));
            api.ok("tasks.completed", body("task", gamma));
            project = p;
        }
    }

    private JsonNode getAll(Object... filters) {
        Map<String, Object> request = body(filters);
        request.put("project", List.of(project));
        request.putIfAbsent("only_fields", List.of("id", "name"));
        return api.ok("tasks.get_all", request);
    }

    private static List<String> ids(JsonNode data) {
        List<String> ids = new ArrayList<>();
        data.get("tasks").forEach(t -> ids.add(t.get("id").asText()));
        return ids;
    }

    @Test
    void everyTaskOfTheProjectIsListed() {
        JsonNode data = getAll();

        WireShapes.list(data, "tasks");
        assertThat(ids(data)).containsExactlyInAnyOrder(alpha, beta, gamma);
    }

    @Test
    void nameIsAnUnanchoredRegex() {
        assertThat(ids(getAll("name", "-(alpha|beta)$"))).containsExactlyInAnyOrder(alpha, beta);
    }

    @Test
    void theSdksEscapedAnchoredNameFindsOneTask() {
        assertThat(ids(getAll("name", "^" + TestApi.reEscape(prefix + "-beta") + "$"))).containsExactly(beta);
    }

    @Test
    void tagsMatchAnyByDefault() {
        assertThat(ids(getAll("tags", List.of("blue", "green")))).containsExactlyInAnyOrder(alpha, gamma);
    }

    @Test
    void tagsAllOperatorNeedsEveryTag() {
        assertThat(ids(getAll("tags", List.of("__$all", "red", "blue")))).containsExactly(alpha);
    }

    @Test
    void tagsNotOperatorExcludesTheNextTag() {
        assertThat(ids(getAll("tags", List.of("__$not", "red")))).containsExactly(gamma);
    }

    @Test
    void aMinusPrefixedTagExcludesIt() {
        assertThat(ids(getAll("tags", List.of("-green")))).containsExactlyInAnyOrder(alpha, beta);
    }

    @Test
    void statusListMatchesAnyOfThem() {
        assertThat(ids(getAll("status", List.of("in_progress", "completed")))).containsExactlyInAnyOrder(beta, gamma);
    }

    @Test
    void typeFilterMatches() {
        assertThat(ids(getAll("type", List.of("testing")))).containsExactly(beta);
    }

    @Test
    void idFilterSelectsTasks() {
        assertThat(ids(getAll("id", List.of(alpha, gamma)))).containsExactlyInAnyOrder(alpha, gamma);
    }

    @Test
    void onlyFieldsReturnsJustThoseFieldsWithoutId() {
        JsonNode data = getAll("only_fields", List.of("name", "status"));

        for (JsonNode task : data.get("tasks")) {
            List<String> names = new ArrayList<>();
            task.fieldNames().forEachRemaining(names::add);
            assertThat(names).containsExactlyInAnyOrder("name", "status");
        }
    }

    @Test
    void onlyFieldsWithNestedPathsReturnsNestedObjects() {
        JsonNode data = getAll("id", List.of(alpha), "only_fields", List.of("id", "models.output", "last_iteration"));

        JsonNode task = data.get("tasks").get(0);
        assertThat(task.get("models").get("output").isArray()).isTrue();
        WireShapes.integer(task, "last_iteration");
        assertThat(task.has("name")).isFalse();
    }

    @Test
    void orderByNameAscending() {
        assertThat(ids(getAll("order_by", List.of("name")))).containsExactly(alpha, beta, gamma);
    }

    @Test
    void orderByNameDescending() {
        assertThat(ids(getAll("order_by", List.of("-name")))).containsExactly(gamma, beta, alpha);
    }

    @Test
    void orderByAcceptsASingleString() {
        assertThat(ids(getAll("order_by", "-name"))).containsExactly(gamma, beta, alpha);
    }

    @Test
    void pagesAreZeroBased() {
        assertThat(ids(getAll("order_by", List.of("name"), "page", 0, "page_size", 2))).containsExactly(alpha, beta);
        assertThat(ids(getAll("order_by", List.of("name"), "page", 1, "page_size", 2))).containsExactly(gamma);
    }

    @Test
    void pageSizeAboveTheCapIsAccepted() {
        assertThat(ids(getAll("page", 0, "page_size", 10_000))).hasSize(3);
    }

    @Test
    void negativePageIs400Subcode12() {
        api.error("tasks.get_all", body("project", List.of(project), "page", -1, "page_size", 10), 400, 12);
    }

    @Test
    void scrollReturnsTheNextItemsUntilExhausted() {
        JsonNode first = getAll("order_by", List.of("name"), "scroll_id", null, "size", 2);
        WireShapes.string(first, "scroll_id");
        assertThat(ids(first)).containsExactly(alpha, beta);

        JsonNode second = getAll("order_by", List.of("name"), "scroll_id", first.get("scroll_id").asText(),
                "size", 2);
        assertThat(ids(second)).containsExactly(gamma);

        JsonNode third = getAll("order_by", List.of("name"), "scroll_id", second.get("scroll_id").asText(),
                "size", 2);
        assertThat(ids(third)).isEmpty();
    }

    @Test
    void theSdksAbortPollGivesStatusAndMessage() {
        JsonNode data = api.ok("tasks.get_all", body("id", List.of(beta),
                "only_fields", List.of("status", "status_message", "id")));

        JsonNode task = data.get("tasks").get(0);
        assertThat(task.get("id").asText()).isEqualTo(beta);
        assertThat(task.get("status").asText()).isEqualTo("in_progress");
        WireShapes.string(task, "status_message");
    }

    @Test
    void fullDocumentsWithoutOnlyFieldsHaveTheTaskShape() {
        JsonNode data = api.ok("tasks.get_all", body("project", List.of(project)));

        Iterator<JsonNode> tasks = data.get("tasks").elements();
        assertThat(tasks.hasNext()).isTrue();
        tasks.forEachRemaining(WireShapes::task);
    }

    @Test
    void aBadRegexIs400Subcode21() {
        api.error("tasks.get_all", body("project", List.of(project), "name", "(unclosed"), 400, 21);
    }
}
