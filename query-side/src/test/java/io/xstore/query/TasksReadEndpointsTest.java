package io.xstore.query;

import io.xstore.protocol.ApiException;
import org.junit.jupiter.api.Test;

import java.util.Date;
import java.util.List;

import static io.xstore.query.ReadSide.map;
import static io.xstore.query.TestCalls.call;
import static io.xstore.query.TestCalls.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TasksReadEndpointsTest {

    private final ReadSide read = new ReadSide();

    @Test
    void getByIdReturnsTheWholeTaskInWireShape() {
        read.task("id", "t1", "name", "demo", "status", "in_progress", "tags", List.of("b", "a"),
                "created", new Date(1736785933000L), "started", new Date(1736785933123L),
                "hyperparams", map("Args", map("l%2Er", map("section", "Args", "name", "l.r", "value", "0.1"))),
                "_version", 7);
        String task = json(read.tasks.getById(call("tasks.get_by_id", "{'task': 't1'}")));
        assertEquals("{\"task\":{\"id\":\"t1\",\"name\":\"demo\",\"status\":\"in_progress\",\"tags\":[\"a\",\"b\"],"
                + "\"created\":\"2025-01-13T16:32:13+00:00\",\"started\":\"2025-01-13T16:32:13.123000+00:00\","
                + "\"hyperparams\":{\"Args\":{\"l.r\":{\"section\":\"Args\",\"name\":\"l.r\",\"value\":\"0.1\"}}},"
                + "\"company\":\"c1\"}}", task);
    }

    @Test
    void getByIdOfAnUnknownOrForeignTaskIs400Subcode101() {
        read.task("id", "t2", "name", "other", "company", "c2");
        ApiException e = assertThrows(ApiException.class,
                () -> read.tasks.getById(call("tasks.get_by_id", "{'task': 't2'}")));
        assertEquals(400, e.code());
        assertEquals(101, e.subcode());
        assertEquals(12, assertThrows(ApiException.class,
                () -> read.tasks.getById(call("tasks.get_by_id", "{}"))).subcode());
    }

    @Test
    void publicTasksAreReadable() {
        read.task("id", "pub", "name", "public one", "company", "");
        assertTrue(json(read.tasks.getById(call("tasks.get_by_id", "{'task': 'pub'}"))).contains("public one"));
    }

    @Test
    void sdkStatusPollReturnsOnlyTheRequestedFields() {
        read.task("id", "t1", "name", "demo", "status", "in_progress", "status_message", "stopping");
        assertEquals("{\"tasks\":[{\"id\":\"t1\",\"status\":\"in_progress\",\"status_message\":\"stopping\"}]}",
                json(read.tasks.getAll(call("tasks.get_all",
                        "{'id': ['t1'], 'only_fields': ['status', 'status_message', 'id']}"))));
        assertEquals("{\"tasks\":[{\"status\":\"in_progress\"}]}",
                json(read.tasks.getAll(call("tasks.get_all", "{'id': ['t1'], 'only_fields': ['status']}"))));
    }

    @Test
    void hiddenTasksOnlyWithSearchHiddenOrIds() {
        read.task("id", "a", "name", "visible", "system_tags", List.of("development"));
        read.task("id", "b", "name", "hidden one", "system_tags", List.of("hidden"));
        assertEquals("{\"tasks\":[{\"id\":\"a\"}]}",
                json(read.tasks.getAll(call("tasks.get_all", "{'only_fields': ['id']}"))));
        assertEquals("{\"tasks\":[{\"id\":\"a\"},{\"id\":\"b\"}]}", json(read.tasks.getAll(call("tasks.get_all",
                "{'only_fields': ['id'], 'search_hidden': true, 'order_by': 'id'}"))));
        assertEquals("{\"tasks\":[{\"id\":\"b\"}]}",
                json(read.tasks.getAll(call("tasks.get_all", "{'id': 'b', 'only_fields': ['id']}"))));
    }

    @Test
    void archivedIsJustASystemTagFilter() {
        read.task("id", "a", "name", "aaa", "system_tags", List.of("archived"));
        read.task("id", "b", "name", "bbb");
        assertEquals("{\"tasks\":[{\"id\":\"b\"}]}", json(read.tasks.getAll(call("tasks.get_all",
                "{'system_tags': ['-archived'], 'only_fields': ['id']}"))));
    }

    @Test
    void includeSubprojectsExpandsTheProjectFilter() {
        read.project("id", "p1", "name", "top");
        read.project("id", "p2", "name", "top/sub", "parent", "p1", "path", List.of("p1"));
        read.project("id", "p3", "name", "top/sub/deep", "parent", "p2", "path", List.of("p1", "p2"));
        read.task("id", "a", "name", "aaa", "project", "p1");
        read.task("id", "b", "name", "bbb", "project", "p3");
        assertEquals("{\"tasks\":[{\"id\":\"a\"}]}", json(read.tasks.getAll(call("tasks.get_all",
                "{'project': ['p1'], 'only_fields': ['id']}"))));
        assertEquals("{\"tasks\":[{\"id\":\"a\"},{\"id\":\"b\"}]}", json(read.tasks.getAll(call("tasks.get_all",
                "{'project': ['p1'], 'include_subprojects': true, 'only_fields': ['id'], 'order_by': 'id'}"))));
    }

    @Test
    void getAllExJoinsProjectAndUserNames() {
        read.project("id", "p1", "name", "examples");
        read.insert("users", "id", "u1", "name", "Jane", "company", "c1");
        read.task("id", "a", "name", "aaa", "project", "p1", "user", "u1");
        assertEquals("{\"tasks\":[{\"id\":\"a\",\"name\":\"aaa\",\"project\":{\"id\":\"p1\",\"name\":\"examples\"},"
                        + "\"user\":{\"id\":\"u1\",\"name\":\"Jane\"}}]}",
                json(read.tasks.getAllEx(call("tasks.get_all_ex",
                        "{'only_fields': ['name', 'project.name', 'user.name']}"))));
    }

    @Test
    void getByIdExNeedsIdsAndReturnsAList() {
        read.task("id", "a", "name", "aaa", "project", "p1");
        assertEquals("{\"tasks\":[{\"id\":\"a\",\"project\":{\"id\":\"p1\"}}]}",
                json(read.tasks.getByIdEx(call("tasks.get_by_id_ex", "{'id': ['a'], 'only_fields': ['project']}"))));
        assertEquals(11, assertThrows(ApiException.class,
                () -> read.tasks.getByIdEx(call("tasks.get_by_id_ex", "{}"))).subcode());
    }

    @Test
    void scrollingThroughTasks() {
        for (int i = 0; i < 3; i++) {
            read.task("id", "t" + i, "name", "task " + i);
        }
        Object first = read.tasks.getAll(call("tasks.get_all",
                "{'scroll_id': null, 'size': 2, 'only_fields': ['id'], 'order_by': ['id']}"));
        String body = json(first);
        assertTrue(body.startsWith("{\"tasks\":[{\"id\":\"t0\"},{\"id\":\"t1\"}],\"scroll_id\":\""), body);
        String scroll = (String) ((java.util.Map<?, ?>) first).get("scroll_id");
        assertTrue(json(read.tasks.getAll(call("tasks.get_all", "{'scroll_id': '" + scroll
                + "', 'size': 2, 'only_fields': ['id'], 'order_by': ['id']}"))).startsWith("{\"tasks\":[{\"id\":\"t2\"}]"));
    }

    @Test
    void hyperParamsAreListedSortedBySectionAndName() {
        read.task("id", "t1", "name", "demo", "hyperparams", map(
                "General", map("b", map("section", "General", "name", "b", "value", "2")),
                "Args", map("z", map("section", "Args", "name", "z", "value", "1", "type", "int"),
                        "a", map("section", "Args", "name", "a", "value", "x"))));
        read.task("id", "t2", "name", "empty");
        assertEquals("{\"params\":[{\"task\":\"t1\",\"hyperparams\":["
                        + "{\"section\":\"Args\",\"name\":\"a\",\"value\":\"x\"},"
                        + "{\"section\":\"Args\",\"name\":\"z\",\"value\":\"1\",\"type\":\"int\"},"
                        + "{\"section\":\"General\",\"name\":\"b\",\"value\":\"2\"}]},"
                        + "{\"task\":\"t2\",\"hyperparams\":[]}]}",
                json(read.tasks.getHyperParams(call("tasks.get_hyper_params", "{'tasks': ['t1', 't2']}"))));
        ApiException e = assertThrows(ApiException.class,
                () -> read.tasks.getHyperParams(call("tasks.get_hyper_params", "{'tasks': ['t1', 'nope']}")));
        assertEquals(101, e.subcode());
    }

    @Test
    void configurationsAndTheirNames() {
        read.task("id", "t1", "name", "demo", "configuration", map(
                "General", map("name", "General", "value", "a: 1", "type", "yaml"),
                "Empty", map("name", "Empty", "value", ""),
                "my%2Econf", map("name", "my.conf", "value", "x")));
        assertEquals("{\"configurations\":[{\"task\":\"t1\",\"configuration\":["
                        + "{\"name\":\"my.conf\",\"value\":\"x\"}]}]}",
                json(read.tasks.getConfigurations(call("tasks.get_configurations",
                        "{'tasks': ['t1'], 'names': ['my.conf']}"))));
        assertEquals("{\"configurations\":[{\"task\":\"t1\",\"names\":[\"General\",\"my.conf\"]}]}",
                json(read.tasks.getConfigurationNames(call("tasks.get_configuration_names", "{'tasks': ['t1']}"))));
        assertEquals("{\"configurations\":[{\"task\":\"t1\",\"names\":[\"Empty\",\"General\",\"my.conf\"]}]}",
                json(read.tasks.getConfigurationNames(call("tasks.get_configuration_names",
                        "{'tasks': ['t1', 'unknown'], 'skip_empty': false}"))));
    }

    @Test
    void typesPresentInTheProjects() {
        read.project("id", "p1", "name", "top");
        read.task("id", "a", "name", "aaa", "type", "training", "project", "p1");
        read.task("id", "b", "name", "bbb", "type", "report", "project", "p1");
        read.task("id", "c", "name", "ccc", "type", "inference", "project", "p2");
        assertEquals("{\"types\":[\"inference\",\"training\"]}", json(read.tasks.getTypes(call("tasks.get_types", "{}"))));
        assertEquals("{\"types\":[\"training\"]}",
                json(read.tasks.getTypes(call("tasks.get_types", "{'projects': ['p1']}"))));
    }
}
