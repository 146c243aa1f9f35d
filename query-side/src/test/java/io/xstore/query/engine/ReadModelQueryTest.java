package io.xstore.query.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoDatabase;
import io.xstore.protocol.ApiException;
import io.xstore.query.EmbeddedMongo;
import io.xstore.query.TestCalls;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReadModelQueryTest {

    private MongoDatabase db;
    private ReadModelQuery query;
    private final Scope scope = Scope.withPublic("c1");

    @BeforeEach
    void setUp() {
        db = EmbeddedMongo.freshDatabase();
        query = new ReadModelQuery(db, new ScrollRegistry());
    }

    private void task(String id, String name, Object... more) {
        Document doc = new Document("_id", id).append("name", name).append("company", "c1");
        for (int i = 0; i < more.length; i += 2) {
            doc.append((String) more[i], more[i + 1]);
        }
        db.getCollection("tasks").insertOne(doc);
    }

    private List<String> ids(String body) {
        return ids(query.getAll(EntitySpecs.TASK, body(body), scope, null, false));
    }

    private static List<String> ids(QueryResult result) {
        List<String> out = new ArrayList<>();
        result.items().forEach(m -> out.add((String) m.get("id")));
        return out;
    }

    private static ObjectNode body(String json) {
        try {
            return (ObjectNode) TestCalls.JSON.readTree(json.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test
    void exactNameAsTheSdkSendsItMatchesOnlyThatName() {
        task("a", "my task");
        task("b", "my task 2");
        assertEquals(List.of("a"), ids("{'name': '^my\\\\ task$', 'only_fields': ['id']}"));
    }

    @Test
    void nameIsAnUnanchoredCaseSensitiveSearch() {
        task("a", "Train model");
        task("b", "train model");
        assertEquals(List.of("a", "b"), ids("{'name': 'rain m', 'order_by': ['id'], 'only_fields': ['id']}"));
        assertEquals(List.of("b"), ids("{'name': 'train', 'order_by': ['id'], 'only_fields': ['id']}"));
    }

    @Test
    void pythonNamedGroupsAreAccepted() {
        task("a", "run-12");
        assertEquals(List.of("a"), ids("{'name': '(?P<kind>run)-(?P<n_1>\\\\d+)', 'only_fields': ['id']}"));
    }

    @Test
    void badRegexIs400Subcode21() {
        ApiException e = assertThrows(ApiException.class, () -> ids("{'name': '(unclosed'}"));
        assertEquals(400, e.code());
        assertEquals(21, e.subcode());
    }

    @Test
    void tagsMatchAnyAllAndExclusions() {
        task("a", "aaa", "tags", List.of("x", "y"));
        task("b", "bbb", "tags", List.of("x"));
        task("c", "ccc", "tags", List.of("z"));
        task("d", "ddd");
        assertEquals(List.of("a", "b", "c"), ids("{'tags': ['x', 'z'], 'order_by': 'id'}"));
        assertEquals(List.of("a"), ids("{'tags': ['__$all', 'x', 'y'], 'order_by': 'id'}"));
        assertEquals(List.of("b"), ids("{'tags': ['x', '-y'], 'order_by': 'id'}"));
        assertEquals(List.of("b"), ids("{'tags': ['x', '__$not', 'y'], 'order_by': 'id'}"));
        assertEquals(List.of("c", "d"), ids("{'tags': ['-x'], 'order_by': 'id'}"));
        assertEquals(List.of("a", "b", "c"), ids("{'tags': ['__$or', 'x', '__$and', 'z'], 'order_by': 'id'}"));
    }

    @Test
    void nullInAListAlsoMatchesMissingAndEmpty() {
        task("a", "aaa", "tags", List.of("x"));
        task("b", "bbb", "tags", List.of());
        task("c", "ccc");
        task("d", "ddd", "tags", List.of("y"));
        assertEquals(List.of("a", "b", "c"), ids("{'tags': ['x', null], 'order_by': 'id'}"));
        assertEquals(List.of("b", "c"), ids("{'tags': [null], 'order_by': 'id'}"));
    }

    @Test
    void unknownOperatorIs400Subcode16() {
        ApiException e = assertThrows(ApiException.class, () -> ids("{'tags': ['__$xor', 'x']}"));
        assertEquals(16, e.subcode());
    }

    @Test
    void structuredFiltersOverrideThePlainListKey() {
        task("a", "aaa", "tags", List.of("x", "y"));
        task("b", "bbb", "tags", List.of("x"));
        task("c", "ccc", "tags", List.of("y"));
        String body = "{'tags': ['nothing'], 'filters': {'tags': {'all': {'include': ['x'], 'exclude': ['y']}}}}";
        assertEquals(List.of("b"), ids(body));
        assertEquals(List.of("b", "c"),
                ids("{'filters': {'tags': {'any': {'exclude': ['x', 'y']}}}, 'order_by': 'id'}"));
    }

    @Test
    void rangeWithNullMinIncludesMissing() {
        task("a", "aaa", "last_iteration", 5);
        task("b", "bbb", "last_iteration", 50);
        task("c", "ccc");
        assertEquals(List.of("a", "c"), ids("{'last_iteration': [null, 10], 'order_by': 'id'}"));
        assertEquals(List.of("b"), ids("{'last_iteration': [10, null], 'order_by': 'id'}"));
        assertEquals(12, assertThrows(ApiException.class, () -> ids("{'last_iteration': [1]}")).subcode());
    }

    @Test
    void lastMetricsRangeComparesNumerically() {
        task("a", "aaa", "last_metrics", new Document("m", new Document("v", new Document("value", 0.5))));
        task("b", "bbb", "last_metrics", new Document("m", new Document("v", new Document("value", 5.0))));
        assertEquals(List.of("a"), ids("{'last_metrics.m.v.value': ['0.1', '1']}"));
    }

    @Test
    void datetimeComparisons() {
        task("a", "aaa", "last_update", new Date(1_000_000_000_000L));
        task("b", "bbb", "last_update", new Date(1_700_000_000_000L));
        assertEquals(List.of("b"), ids("{'last_update': ['>=2020-01-01T00:00:00']}"));
        assertEquals(List.of("a"), ids("{'last_update': ['<2020-01-01']}"));
        assertEquals(List.of("a"), ids("{'last_update': ['2001-01-01', '2002-01-01']}"));
    }

    @Test
    void anyAndAllMultiFieldPatternsAreCaseInsensitive() {
        task("a", "Alpha", "comment", "first");
        task("b", "beta", "comment", "ALPHA second");
        task("c", "gamma", "comment", "third");
        assertEquals(List.of("a", "b"),
                ids("{'_any_': {'fields': ['name', 'comment'], 'pattern': 'alpha'}, 'order_by': 'id'}"));
        assertEquals(List.of("b"), ids("{'_all_': {'fields': ['name', 'comment'], 'pattern': 'ta|alpha'}}"));
    }

    @Test
    void searchTextMatchesNameIdOrComment() {
        task("abc123", "one", "comment", "hello World");
        task("def456", "two");
        assertEquals(List.of("abc123"), ids("{'search_text': 'world'}"));
        assertEquals(List.of("def456"), ids("{'search_text': 'f45'}"));
    }

    @Test
    void pagesAreCappedAt500AndDefaultToTheFirst500() {
        List<Document> docs = new ArrayList<>();
        for (int i = 0; i < 620; i++) {
            docs.add(new Document("_id", String.format("t%04d", i)).append("name", "n").append("company", "c1"));
        }
        db.getCollection("tasks").insertMany(docs);
        assertEquals(500, ids("{}").size());
        assertEquals(500, ids("{'page_size': 1000}").size());
        assertEquals(120, ids("{'page': 1, 'page_size': 1000, 'order_by': ['id']}").size());
        assertEquals(List.of("t0010", "t0011"), ids("{'page': 5, 'page_size': 2, 'order_by': ['id']}"));
        assertEquals(12, assertThrows(ApiException.class, () -> ids("{'page': -1}")).subcode());
        assertEquals(12, assertThrows(ApiException.class, () -> ids("{'page_size': 0}")).subcode());
    }

    @Test
    void scrollReturnsConsecutiveSlicesThenNothing() {
        for (int i = 0; i < 5; i++) {
            task("t" + i, "n");
        }
        QueryResult first = query.getAll(EntitySpecs.TASK, body("{'scroll_id': null, 'size': 2, 'order_by': 'id'}"),
                scope, null, false);
        assertEquals(List.of("t0", "t1"), ids(first));
        String scroll = first.scrollId();
        QueryResult second = query.getAll(EntitySpecs.TASK,
                body("{'scroll_id': '" + scroll + "', 'size': 2, 'order_by': 'id'}"), scope, null, false);
        assertEquals(List.of("t2", "t3"), ids(second));
        assertEquals(scroll, second.scrollId());
        QueryResult refreshed = query.getAll(EntitySpecs.TASK,
                body("{'scroll_id': '" + scroll + "', 'size': 1, 'refresh_scroll': true, 'order_by': 'id'}"),
                scope, null, false);
        assertEquals(List.of("t0", "t1", "t2", "t3"), ids(refreshed));
        assertEquals(List.of("t4"), ids(query.getAll(EntitySpecs.TASK,
                body("{'scroll_id': '" + scroll + "', 'size': 2, 'order_by': 'id'}"), scope, null, false)));
        assertEquals(List.of(), ids(query.getAll(EntitySpecs.TASK,
                body("{'scroll_id': '" + scroll + "', 'size': 2, 'order_by': 'id'}"), scope, null, false)));
        QueryResult unknown = query.getAll(EntitySpecs.TASK,
                body("{'scroll_id': 'nope', 'size': 2, 'order_by': 'id'}"), scope, null, false);
        assertEquals(List.of("t0", "t1"), ids(unknown));
        assertNotEquals("nope", unknown.scrollId());
        assertEquals(12, assertThrows(ApiException.class,
                () -> query.getAll(EntitySpecs.TASK, body("{'scroll_id': null}"), scope, null, false)).subcode());
    }

    @Test
    void noScrollIdWithoutScrolling() {
        task("a", "aaa");
        assertNull(query.getAll(EntitySpecs.TASK, body("{}"), scope, null, false).scrollId());
    }

    @Test
    void ascendingOrderPutsMissingValuesLastAcrossPages() {
        task("a", "aaa", "started", new Date(3000));
        task("b", "bbb");
        task("c", "ccc", "started", new Date(1000));
        task("d", "ddd");
        task("e", "eee", "started", new Date(2000));
        assertEquals(List.of("c", "e", "a", "b", "d"), ids("{'order_by': ['started']}"));
        assertEquals(List.of("a", "e", "c", "b", "d"), ids("{'order_by': ['-started']}"));
        assertEquals(List.of("a", "b"), ids("{'order_by': ['started'], 'page': 1, 'page_size': 2}"));
        assertEquals(List.of("d"), ids("{'order_by': ['started'], 'page': 2, 'page_size': 2}"));
    }

    @Test
    void emptyStringsAndEmptyListsCountAsMissingWhenOrdering() {
        task("a", "aaa", "comment", "");
        task("b", "bbb", "comment", "zzz");
        task("c", "ccc", "tags", List.of());
        task("d", "ddd", "tags", List.of("t"));
        assertEquals("b", ids("{'order_by': 'comment'}").get(0));
        assertEquals("d", ids("{'order_by': 'tags'}").get(0));
    }

    @Test
    void onlyFieldsReturnsJustTheRequestedPaths() {
        task("a", "aaa", "status", "created", "script", new Document("diff", "x").append("branch", "main"),
                "hyperparams", new Document("Args", new Document("lr", new Document("value", "0.1"))
                        .append("lr%2Ex", new Document("value", "1"))));
        Map<String, Object> doc = query.getAll(EntitySpecs.TASK,
                body("{'only_fields': ['status', 'script.branch', 'hyperparams.Args.lr.x']}"), scope, null, false)
                .items().get(0);
        assertEquals("{\"status\":\"created\",\"script\":{\"branch\":\"main\"},"
                + "\"hyperparams\":{\"Args\":{\"lr.x\":{\"value\":\"1\"}}}}", TestCalls.json(doc));
    }

    @Test
    void excludedFieldsAndDefaultExclusions() {
        task("a", "aaa", "script", new Document("diff", "x"), "unique_metrics", List.of("m/v"),
                "created", new Date(1736785933123L));
        Map<String, Object> doc = query.getAll(EntitySpecs.TASK, body("{'only_fields': ['-script']}"), scope, null,
                false).items().get(0);
        assertEquals("{\"id\":\"a\",\"name\":\"aaa\",\"company\":\"c1\",\"created\":\"2025-01-13T16:32:13.123000+00:00\"}",
                TestCalls.json(doc));
        Map<String, Object> explicit = query.getAll(EntitySpecs.TASK, body("{'only_fields': ['unique_metrics']}"),
                scope, null, false).items().get(0);
        assertEquals(List.of("m/v"), explicit.get("unique_metrics"));
    }

    @Test
    void unknownTopLevelFieldIs400Subcode14() {
        task("a", "aaa");
        assertEquals(14, assertThrows(ApiException.class, () -> ids("{'only_fields': ['nosuch']}")).subcode());
        assertEquals(14, assertThrows(ApiException.class, () -> ids("{'order_by': ['-nosuch']}")).subcode());
    }

    @Test
    void otherCompaniesAreInvisiblePublicOnesVisible() {
        task("a", "mine");
        db.getCollection("tasks").insertOne(new Document("_id", "b").append("name", "other").append("company", "c2"));
        db.getCollection("tasks").insertOne(new Document("_id", "c").append("name", "public").append("company", ""));
        assertEquals(List.of("a", "c"), ids("{'order_by': 'id'}"));
        assertEquals(List.of("a"), ids(query.getAll(EntitySpecs.TASK, body("{}"), Scope.companyOnly("c1"), null,
                false)));
    }

    @Test
    void joinModeExpandsReferencesAndJoinsRequestedFields() {
        db.getCollection("projects").insertOne(new Document("_id", "p1").append("name", "proj").append("company", "c1"));
        db.getCollection("models").insertOne(new Document("_id", "m1").append("name", "model one")
                .append("company", "c1"));
        task("parent", "the parent", "project", "p1");
        task("child", "the child", "project", "p1", "parent", "parent", "user", "u1",
                "models", new Document("input", List.of(new Document("name", "in").append("model", "m1")))
                        .append("output", List.of()));
        Map<String, Object> doc = query.getAll(EntitySpecs.TASK,
                body("{'id': ['child'], 'only_fields': ['name', 'project.name', 'parent.name', 'parent.project.name',"
                        + " 'models.input.model.name', 'user']}"), scope, null, true).items().get(0);
        assertEquals("{\"id\":\"child\",\"name\":\"the child\",\"user\":{\"id\":\"u1\"},"
                        + "\"project\":{\"id\":\"p1\",\"name\":\"proj\"},"
                        + "\"parent\":{\"id\":\"parent\",\"name\":\"the parent\",\"project\":{\"id\":\"p1\",\"name\":\"proj\"}},"
                        + "\"models\":{\"input\":[{\"model\":{\"id\":\"m1\",\"name\":\"model one\"}}]}}",
                TestCalls.json(doc));
    }

    @Test
    void joinModeWithoutOnlyFieldsTurnsEveryReferenceIntoAnObject() {
        task("a", "aaa", "project", "p1", "parent", "");
        Map<String, Object> doc = query.getAll(EntitySpecs.TASK, body("{}"), scope, null, true).items().get(0);
        assertEquals(Map.of("id", "p1"), doc.get("project"));
        assertEquals(Map.of(), doc.get("parent"));
        assertEquals(Map.of("id", "c1"), doc.get("company"));
        assertTrue(doc.containsKey("id"));
    }
}
