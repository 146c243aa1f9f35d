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

class ModelsReadEndpointsTest {

    private final ReadSide read = new ReadSide();

    @Test
    void getByIdHidesUiCacheAndUnescapesMetadata() {
        read.model("id", "m1", "name", "model one", "ready", false, "ui_cache", map("x", 1),
                "metadata", map("a%2Eb", map("key", "a.b", "type", "str", "value", "1")),
                "created", new Date(1736785933000L));
        assertEquals("{\"model\":{\"id\":\"m1\",\"name\":\"model one\",\"ready\":false,"
                        + "\"metadata\":{\"a.b\":{\"key\":\"a.b\",\"type\":\"str\",\"value\":\"1\"}},"
                        + "\"created\":\"2025-01-13T16:32:13+00:00\",\"company\":\"c1\"}}",
                json(read.models.getById(call("models.get_by_id", "{'model': 'm1'}"))));
    }

    @Test
    void getByIdOfAnUnknownModelIs400Subcode201() {
        ApiException e = assertThrows(ApiException.class,
                () -> read.models.getById(call("models.get_by_id", "{'model': 'nope'}")));
        assertEquals(201, e.subcode());
        assertEquals("Invalid model id (no such public or company model): id=nope, company=c1", e.getMessage());
    }

    @Test
    void getByIdSeesOwnAndPublicModelsOnly() {
        read.model("id", "own", "name", "own");
        read.model("id", "pub", "name", "public", "company", "");
        read.model("id", "foreign", "name", "foreign", "company", "c2");
        assertEquals("{\"model\":{\"id\":\"pub\",\"name\":\"public\",\"company\":\"\"}}",
                json(read.models.getById(call("models.get_by_id", "{'model': 'pub'}"))));
        ApiException e = assertThrows(ApiException.class,
                () -> read.models.getById(call("models.get_by_id", "{'model': 'foreign'}")));
        assertEquals(201, e.subcode());
        assertEquals("Invalid model id (no such public or company model): id=foreign, company=c1", e.getMessage());
    }

    @Test
    void getByIdHonoursOnlyFieldsFiltersAndPaging() {
        read.model("id", "m1", "name", "one", "uri", "file:///m1.pt", "labels", map("cat", 1));
        assertEquals("{\"model\":{\"id\":\"m1\",\"uri\":\"file:///m1.pt\"}}",
                json(read.models.getById(call("models.get_by_id", "{'model': 'm1', 'only_fields': ['id', 'uri']}"))));
        assertEquals("{\"model\":{\"name\":\"one\"}}",
                json(read.models.getById(call("models.get_by_id", "{'model': 'm1', 'only_fields': ['name']}"))));
        assertEquals("{\"model\":{\"id\":\"m1\",\"name\":\"one\",\"uri\":\"file:///m1.pt\","
                        + "\"company\":\"c1\"}}",
                json(read.models.getById(call("models.get_by_id", "{'model': 'm1', 'only_fields': ['-labels']}"))));
        assertEquals("{\"model\":{\"id\":\"m1\"}}", json(read.models.getById(call("models.get_by_id",
                "{'model': 'm1', 'name': 'on', 'only_fields': ['id']}"))));
        assertEquals(201, assertThrows(ApiException.class, () -> read.models.getById(call("models.get_by_id",
                "{'model': 'm1', 'name': 'two'}"))).subcode());
        assertEquals(201, assertThrows(ApiException.class, () -> read.models.getById(call("models.get_by_id",
                "{'model': 'm1', 'page': 1, 'page_size': 1}"))).subcode());
        assertEquals(14, assertThrows(ApiException.class, () -> read.models.getById(call("models.get_by_id",
                "{'model': 'm1', 'only_fields': ['nope']}"))).subcode());
    }

    @Test
    void sdkLooksUpAModelByUri() {
        read.model("id", "m1", "name", "one", "uri", "file:///tmp/model.pt", "created", new Date(1000));
        read.model("id", "m2", "name", "two", "uri", "file:///tmp/model.pt", "system_tags", List.of("archived"));
        read.model("id", "m3", "name", "three", "uri", "file:///tmp/other.pt");
        assertEquals("{\"models\":[{\"id\":\"m1\",\"name\":\"one\",\"created\":\"1970-01-01T00:00:01+00:00\"}]}",
                json(read.models.getAll(call("models.get_all", "{'uri': ['file:///tmp/model.pt'], "
                        + "'only_fields': ['id', 'name', 'created'], 'system_tags': ['-archived']}"))));
    }

    @Test
    void readyIsAnExactFilter() {
        read.model("id", "m1", "name", "one", "ready", true);
        read.model("id", "m2", "name", "two", "ready", false);
        assertEquals("{\"models\":[{\"id\":\"m1\"}]}",
                json(read.models.getAll(call("models.get_all", "{'ready': true, 'only_fields': ['id']}"))));
    }

    @Test
    void getAllExJoinsTaskAndProjectAndCountsLabels() {
        read.project("id", "p1", "name", "examples");
        read.task("id", "t1", "name", "training run");
        read.model("id", "m1", "name", "one", "task", "t1", "project", "p1", "labels", map("cat", 1, "dog", 2));
        assertEquals("{\"models\":[{\"id\":\"m1\",\"task\":{\"id\":\"t1\",\"name\":\"training run\"},"
                        + "\"project\":{\"id\":\"p1\",\"name\":\"examples\"},\"stats\":{\"labels_count\":2}}]}",
                json(read.models.getAllEx(call("models.get_all_ex",
                        "{'only_fields': ['task.name', 'project.name'], 'include_stats': true}"))));
    }

    @Test
    void frameworksInUse() {
        read.project("id", "p1", "name", "examples");
        read.model("id", "m1", "name", "one", "framework", "PyTorch", "project", "p1");
        read.model("id", "m2", "name", "two", "framework", "Keras");
        read.model("id", "m3", "name", "three", "framework", "");
        assertEquals("{\"frameworks\":[\"Keras\",\"PyTorch\"]}",
                json(read.models.getFrameworks(call("models.get_frameworks", "{}"))));
        assertEquals("{\"frameworks\":[\"PyTorch\"]}",
                json(read.models.getFrameworks(call("models.get_frameworks", "{'projects': ['p1']}"))));
    }
}
