package io.xstore.query;

import io.xstore.protocol.ApiException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Date;
import java.util.List;
import java.util.Map;

import static io.xstore.query.ReadSide.map;
import static io.xstore.query.TestCalls.call;
import static io.xstore.query.TestCalls.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProjectsReadEndpointsTest {

    private final ReadSide read = new ReadSide();
    private final long now = System.currentTimeMillis();

    @BeforeEach
    void tree() {
        read.project("id", "p1", "name", "top", "basename", "top", "created", new Date(1736785933000L));
        read.project("id", "p2", "name", "top/sub", "basename", "sub", "parent", "p1", "path", List.of("p1"));
        read.project("id", "p3", "name", "top/sub/deep", "basename", "deep", "parent", "p2",
                "path", List.of("p1", "p2"));
        read.project("id", "p4", "name", "top/.hidden", "basename", ".hidden", "parent", "p1", "path", List.of("p1"),
                "system_tags", List.of("hidden"));
        read.project("id", "p5", "name", "other", "basename", "other", "tags", List.of("x"));
        read.project("id", "px", "name", "foreign", "company", "c2");
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> projects(Object response) {
        return (List<Map<String, Object>>) ((Map<String, Object>) response).get("projects");
    }

    @Test
    void sdkLooksUpAProjectByExactName() {
        assertEquals("{\"projects\":[{\"id\":\"p2\"}]}", json(read.projects.getAll(call("projects.get_all",
                "{'name': '^top/sub$', 'only_fields': ['id'], 'search_hidden': true}"))));
        assertEquals("{\"projects\":[]}", json(read.projects.getAll(call("projects.get_all",
                "{'name': '^foreign$', 'only_fields': ['id']}"))));
    }

    @Test
    void getByIdAndItsError() {
        assertEquals("{\"project\":{\"id\":\"p1\",\"name\":\"top\",\"basename\":\"top\","
                        + "\"created\":\"2025-01-13T16:32:13+00:00\",\"company\":\"c1\"}}",
                json(read.projects.getById(call("projects.get_by_id", "{'project': 'p1'}"))));
        ApiException e = assertThrows(ApiException.class,
                () -> read.projects.getById(call("projects.get_by_id", "{'project': 'px'}")));
        assertEquals(401, e.subcode());
    }

    @Test
    void hiddenProjectsAndParentSearch() {
        assertEquals("{\"projects\":[{\"id\":\"p2\"},{\"id\":\"p3\"}]}", json(read.projects.getAll(call(
                "projects.get_all", "{'parent': ['p1'], 'only_fields': ['id'], 'order_by': 'id'}"))));
        assertEquals("{\"projects\":[{\"id\":\"p2\"},{\"id\":\"p3\"},{\"id\":\"p4\"}]}", json(read.projects.getAll(
                call("projects.get_all", "{'parent': ['p1'], 'search_hidden': true, 'only_fields': ['id'],"
                        + " 'order_by': 'id'}"))));
        assertEquals("{\"projects\":[{\"id\":\"p2\"}]}", json(read.projects.getAll(call("projects.get_all",
                "{'parent': ['p1'], 'shallow_search': true, 'only_fields': ['id']}"))));
        assertEquals("{\"projects\":[{\"id\":\"p1\"},{\"id\":\"p5\"}]}", json(read.projects.getAll(call(
                "projects.get_all", "{'shallow_search': true, 'only_fields': ['id'], 'order_by': ['id']}"))));
    }

    @Test
    void statsCountTasksOfTheProjectAndItsSubprojectsPerState() {
        read.task("id", "t1", "name", "t1", "project", "p1", "status", "completed",
                "started", new Date(now - 100_000), "completed", new Date(now - 40_500));
        read.task("id", "t2", "name", "t2", "project", "p3", "status", "in_progress", "started", new Date(now - 10_000));
        read.task("id", "t3", "name", "t3", "project", "p2", "status", "failed",
                "started", new Date(1000), "completed", new Date(61_000));
        read.task("id", "t4", "name", "t4", "project", "p2", "status", "stopped", "system_tags", List.of("archived"));
        read.task("id", "t5", "name", "t5", "project", "p5", "status", "queued");
        read.task("id", "t6", "name", "t6", "project", "p1", "company", "c2", "status", "created");
        Object response = read.projects.getAllEx(call("projects.get_all_ex",
                "{'id': ['p1', 'p2'], 'include_stats': true, 'stats_for_state': null, 'order_by': ['name'],"
                        + " 'only_fields': ['name']}"));
        List<Map<String, Object>> list = projects(response);
        assertEquals(2, list.size());
        Map<String, Object> top = list.get(0);
        assertEquals("top", top.get("name"));
        Map<?, ?> active = (Map<?, ?>) ((Map<?, ?>) top.get("stats")).get("active");
        assertEquals(Map.of("created", 0, "queued", 0, "in_progress", 1, "stopped", 0, "publishing", 0,
                "published", 0, "closed", 0, "failed", 1, "completed", 1, "unknown", 0), active.get("status_count"));
        assertEquals(3, active.get("total_tasks"));
        assertEquals(59L + 60L, active.get("total_runtime"));
        assertEquals(1, active.get("completed_tasks_24h"));
        assertTrue(((String) active.get("last_task_run")).endsWith("+00:00"));
        Map<?, ?> archived = (Map<?, ?>) ((Map<?, ?>) top.get("stats")).get("archived");
        assertEquals(1, archived.get("total_tasks"));
        assertEquals(null, archived.get("last_task_run"));
        assertEquals("[{\"id\":\"p2\",\"name\":\"top/sub\"},{\"id\":\"p3\",\"name\":\"top/sub/deep\"}]",
                json(top.get("sub_projects")));
        assertEquals(List.of("id", "name", "stats", "sub_projects"), List.copyOf(top.keySet()));
    }

    @Test
    void statsDefaultToActiveAndCanSkipChildren() {
        read.task("id", "t1", "name", "t1", "project", "p1", "status", "created");
        read.task("id", "t2", "name", "t2", "project", "p2", "status", "created");
        Map<String, Object> top = projects(read.projects.getAllEx(call("projects.get_all_ex",
                "{'id': ['p1'], 'include_stats': true, 'stats_with_children': false}"))).get(0);
        Map<?, ?> stats = (Map<?, ?>) top.get("stats");
        assertEquals(List.of("active"), List.copyOf(stats.keySet()));
        assertEquals(1, ((Map<?, ?>) stats.get("active")).get("total_tasks"));
        assertEquals(List.of(), top.get("sub_projects"));
        assertEquals(Map.of("id", "c1"), top.get("company"));
    }

    @Test
    void ownContentsAndHiddenFlag() {
        read.task("id", "t1", "name", "t1", "project", "p4");
        read.task("id", "t2", "name", "t2", "project", "p4", "system_tags", List.of("archived"));
        read.model("id", "m1", "name", "m1", "project", "p4");
        Map<String, Object> hidden = projects(read.projects.getAllEx(call("projects.get_all_ex",
                "{'id': ['p4'], 'search_hidden': true, 'check_own_contents': true, 'only_fields': ['name']}"))).get(0);
        assertEquals(true, hidden.get("hidden"));
        assertFalse(hidden.containsKey("system_tags"));
        assertEquals(1, hidden.get("own_tasks"));
        assertEquals(1, hidden.get("own_models"));
    }

    @Test
    void activeUsersSelectsProjectsWithTheirWorkAndAncestors() {
        read.task("id", "t1", "name", "t1", "project", "p3", "user", "bob");
        assertEquals("{\"projects\":[{\"id\":\"p1\"},{\"id\":\"p2\"},{\"id\":\"p3\"}]}",
                json(read.projects.getAllEx(call("projects.get_all_ex",
                        "{'active_users': ['bob'], 'only_fields': ['id'], 'order_by': 'id'}"))));
        assertEquals("{\"projects\":[]}", json(read.projects.getAllEx(call("projects.get_all_ex",
                "{'active_users': ['nobody']}"))));
    }

    @Test
    void validateDeleteCountsContents() {
        read.task("id", "t1", "name", "t1", "project", "p3");
        read.task("id", "t2", "name", "t2", "project", "p2", "system_tags", List.of("archived"));
        read.task("id", "r1", "name", "r1", "project", "p2", "system_tags", List.of("reports"));
        read.model("id", "m1", "name", "m1", "project", "p1");
        assertEquals("{\"pipelines\":0,\"datasets\":0,\"tasks\":2,\"non_archived_tasks\":1,\"models\":1,"
                        + "\"non_archived_models\":1,\"reports\":1,\"non_archived_reports\":1}",
                json(read.projects.validateDelete(call("projects.validate_delete", "{'project': 'p1'}"))));
        read.project("id", "pub", "name", "public", "company", "");
        assertEquals(403, assertThrows(ApiException.class, () -> read.projects.validateDelete(
                call("projects.validate_delete", "{'project': 'pub'}"))).code());
    }

    @Test
    void tagsOfTasksModelsAndProjects() {
        read.task("id", "t1", "name", "t1", "project", "p3", "tags", List.of("b", "a"), "system_tags", List.of("s"));
        read.task("id", "t2", "name", "t2", "project", "p5", "tags", List.of("c"));
        read.model("id", "m1", "name", "m1", "tags", List.of("m"));
        assertEquals("{\"tags\":[\"a\",\"b\",\"c\"]}",
                json(read.projects.getTaskTags(call("projects.get_task_tags", "{}"))));
        assertEquals("{\"tags\":[\"a\",\"b\"],\"system_tags\":[\"s\"]}", json(read.projects.getTaskTags(
                call("projects.get_task_tags", "{'projects': ['p1'], 'include_system': true}"))));
        assertEquals("{\"tags\":[\"c\"]}", json(read.projects.getTaskTags(
                call("projects.get_task_tags", "{'filter': {'tags': ['-a']}}"))));
        assertEquals("{\"tags\":[\"m\"]}", json(read.projects.getModelTags(call("projects.get_model_tags", "{}"))));
        assertEquals("{\"tags\":[\"x\"],\"system_tags\":[]}",
                json(read.projects.getProjectTags(call("projects.get_project_tags", "{}"))));
    }

    @Test
    void taskParentsWithTheirProjects() {
        read.task("id", "parent", "name", "the parent", "project", "p5");
        read.task("id", "c1", "name", "child", "project", "p3", "parent", "parent");
        read.task("id", "c2", "name", "orphan", "project", "p3");
        assertEquals("{\"parents\":[{\"id\":\"parent\",\"name\":\"the parent\","
                        + "\"project\":{\"id\":\"p5\",\"name\":\"other\"}}]}",
                json(read.projects.getTaskParents(call("projects.get_task_parents", "{'projects': ['p1']}"))));
        assertEquals("{\"parents\":[]}", json(read.projects.getTaskParents(call("projects.get_task_parents",
                "{'projects': ['p1'], 'tasks_state': 'archived'}"))));
    }

    @Test
    void taskParentsAreTheCallersOrPublicOnesFilteredByNameAndSortedByName() {
        read.task("id", "pb", "name", "b parent", "project", "p5");
        read.task("id", "pa", "name", "a parent", "project", "p5", "company", "");
        read.task("id", "px", "name", "a foreign parent", "project", "p5", "company", "c2");
        read.task("id", "k1", "name", "child", "project", "p3", "parent", "pb");
        read.task("id", "k2", "name", "child", "project", "p3", "parent", "pa");
        read.task("id", "k3", "name", "child", "project", "p3", "parent", "px");
        assertEquals("{\"parents\":[{\"id\":\"pa\",\"name\":\"a parent\","
                        + "\"project\":{\"id\":\"p5\",\"name\":\"other\"}},{\"id\":\"pb\",\"name\":\"b parent\","
                        + "\"project\":{\"id\":\"p5\",\"name\":\"other\"}}]}",
                json(read.projects.getTaskParents(call("projects.get_task_parents", "{'projects': ['p1']}"))));
        assertEquals("{\"parents\":[{\"id\":\"pb\",\"name\":\"b parent\","
                        + "\"project\":{\"id\":\"p5\",\"name\":\"other\"}}]}",
                json(read.projects.getTaskParents(call("projects.get_task_parents",
                        "{'projects': ['p1'], 'task_name': '^b'}"))));
        assertEquals(21, assertThrows(ApiException.class, () -> read.projects.getTaskParents(
                call("projects.get_task_parents", "{'projects': ['p1'], 'task_name': '('}"))).subcode());
    }

    @Test
    void userNames() {
        read.insert("users", "id", "u1", "name", "Jane");
        read.task("id", "t1", "name", "t1", "project", "p1", "user", "u1");
        assertEquals("{\"users\":[{\"id\":\"u1\",\"name\":\"Jane\"}]}",
                json(read.projects.getUserNames(call("projects.get_user_names", "{'projects': ['p1']}"))));
    }

    @Test
    void hyperParameterNamesAndValues() {
        read.task("id", "t1", "name", "t1", "project", "p3", "hyperparams", map(
                "Args", map("lr", map("section", "Args", "name", "lr", "value", "10"),
                        "b%2Es", map("section", "Args", "name", "b.s", "value", "x"))));
        read.task("id", "t2", "name", "t2", "project", "p1", "hyperparams", map(
                "Args", map("lr", map("section", "Args", "name", "lr", "value", "9"))));
        assertEquals("{\"total\":2,\"remaining\":0,\"parameters\":[{\"section\":\"Args\",\"name\":\"b.s\"},"
                        + "{\"section\":\"Args\",\"name\":\"lr\"}]}",
                json(read.projects.getHyperParameters(call("projects.get_hyper_parameters", "{'project': 'p1'}"))));
        assertEquals("{\"total\":2,\"remaining\":1,\"parameters\":[{\"section\":\"Args\",\"name\":\"b.s\"}]}",
                json(read.projects.getHyperParameters(call("projects.get_hyper_parameters",
                        "{'project': 'p1', 'page': 0, 'page_size': 1}"))));
        assertEquals("{\"total\":2,\"values\":[\"9\",\"10\"]}", json(read.projects.getHyperparamValues(call(
                "projects.get_hyperparam_values", "{'projects': ['p1'], 'section': 'Args', 'name': 'lr'}"))));
        assertEquals("{\"total\":1,\"values\":[\"x\"]}", json(read.projects.getHyperparamValues(call(
                "projects.get_hyperparam_values", "{'section': 'Args', 'name': 'b.s', 'pattern': 'X'}"))));
    }

    @Test
    void uniqueMetricVariantsFromLastMetrics() {
        read.task("id", "t1", "name", "t1", "project", "p1", "last_metrics", map(
                "h1", map("v1", map("metric", "loss", "variant", "train", "value", 1.0),
                        "v2", map("metric", "loss", "variant", "eval", "value", 2.0))));
        read.task("id", "t2", "name", "t2", "project", "p2", "last_metrics", map(
                "h1", map("v1", map("metric", "loss", "variant", "train", "value", 3.0))));
        assertEquals("{\"metrics\":[{\"metric\":\"loss\",\"metric_hash\":\"h1\",\"variant\":\"eval\","
                        + "\"variant_hash\":\"v2\"},{\"metric\":\"loss\",\"metric_hash\":\"h1\",\"variant\":\"train\","
                        + "\"variant_hash\":\"v1\"}]}",
                json(read.projects.getUniqueMetricVariants(call("projects.get_unique_metric_variants",
                        "{'project': 'p1'}"))));
    }

    @Test
    void badRegexInProjectNameIs400Subcode21() {
        assertEquals(21, assertThrows(ApiException.class,
                () -> read.projects.getAll(call("projects.get_all", "{'name': '*bad'}"))).subcode());
    }
}
