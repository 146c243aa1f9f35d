package io.xstore.readmodel;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OwnedDocumentsTest {

    private static MongoServer server;
    private static MongoClient client;
    private MongoCollection<Document> tasks;

    @BeforeAll
    static void start() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
    }

    @AfterAll
    static void stop() {
        client.close();
        server.shutdownNow();
    }

    @BeforeEach
    void fill() {
        tasks = client.getDatabase("owned").getCollection("tasks");
        tasks.drop();
        tasks.insertMany(List.of(
                new Document("_id", "a1").append("company", "a").append("name", "own").append("status", "created"),
                new Document("_id", "b1").append("company", "b").append("name", "foreign"),
                new Document("_id", "p1").append("company", "").append("name", "public"),
                new Document("_id", "n1").append("name", "no company"),
                new Document("_id", "x1").append("company", null).append("name", "null company")));
    }

    @Test
    void sameAnswersAsTheCompanyFilters() {
        List<String> ids = List.of("a1", "b1", "p1", "n1", "x1", "missing");
        for (String company : new String[] {"a", "b", "", null}) {
            assertSame(Ownership.company(company), Filters.eq("company", company), ids);
            assertSame(Ownership.companyOrPublic(company), Filters.in("company", company, ""), ids);
        }
        assertSame(Ownership.anyone(), Filters.empty(), ids);
    }

    private void assertSame(Ownership ownership, Bson companyFilter, List<String> ids) {
        for (String id : ids) {
            Document expected = tasks.find(Filters.and(Filters.eq("_id", id), companyFilter)).first();
            Document actual = OwnedDocuments.byId(tasks, id, ownership);
            assertEquals(expected, actual, ownership + " / " + id);
        }
        List<Document> expected = tasks.find(Filters.and(Filters.in("_id", ids), companyFilter))
                .into(new ArrayList<>());
        List<Document> actual = OwnedDocuments.byIds(tasks, ids, ownership, null);
        assertEquals(expected.stream().map(d -> d.get("_id")).sorted().toList(),
                actual.stream().map(d -> d.get("_id")).sorted().toList(), ownership.toString());
    }

    @Test
    void byIdsAnswersInTheOrderOfTheIdsOnce() {
        List<Document> docs = OwnedDocuments.byIds(tasks, List.of("p1", "b1", "a1", "p1", "gone"),
                Ownership.companyOrPublic("a"), null);
        assertEquals(List.of("p1", "a1"), docs.stream().map(d -> d.getString("_id")).toList());
        assertTrue(OwnedDocuments.byIds(tasks, List.of(), Ownership.anyone(), null).isEmpty());
    }

    @Test
    void anInclusionProjectionWithoutCompanyStillChecksItAndLeavesItOut() {
        Document doc = OwnedDocuments.byId(tasks, "a1", Ownership.company("a"), Projections.include("status"));
        assertEquals(new Document("_id", "a1").append("status", "created"), doc);
        assertNull(OwnedDocuments.byId(tasks, "b1", Ownership.company("a"), Projections.include("status")));
        assertEquals(List.of(new Document("_id", "a1").append("name", "own")),
                OwnedDocuments.byIds(tasks, List.of("a1", "b1"), Ownership.company("a"),
                        Projections.include("name")));
    }

    @Test
    void anInclusionProjectionWithCompanyKeepsIt() {
        Document doc = OwnedDocuments.byId(tasks, "p1", Ownership.companyOrPublic("a"),
                Projections.include("company", "name"));
        assertEquals(new Document("_id", "p1").append("company", "").append("name", "public"), doc);
    }

    @Test
    void anExclusionProjectionOfCompanyStillChecksIt() {
        Document doc = OwnedDocuments.byId(tasks, "a1", Ownership.company("a"),
                Projections.exclude("company", "status"));
        assertEquals(new Document("_id", "a1").append("name", "own"), doc);
        assertNull(OwnedDocuments.byId(tasks, "b1", Ownership.company("a"), Projections.exclude("company")));
        Document other = OwnedDocuments.byId(tasks, "a1", Ownership.company("a"), Projections.exclude("status"));
        assertEquals(new Document("_id", "a1").append("company", "a").append("name", "own"), other);
    }

    @Test
    void idsAreReadEvenWhenTheProjectionLeavesThemOut() {
        List<Document> docs = OwnedDocuments.byIds(tasks, List.of("a1"), Ownership.company("a"),
                Projections.fields(Projections.include("name"), Projections.excludeId()));
        assertEquals(List.of(new Document("name", "own")), docs);
    }

    @Test
    void anIdOnlyProjectionStillChecksTheCompany() {
        assertEquals(new Document("_id", "a1"),
                OwnedDocuments.byId(tasks, "a1", Ownership.company("a"), Projections.include("_id")));
        assertEquals(new Document("_id", "p1"),
                OwnedDocuments.byId(tasks, "p1", Ownership.companyOrPublic("a"), Projections.include("_id")));
        assertNull(OwnedDocuments.byId(tasks, "b1", Ownership.company("a"), Projections.include("_id")));
    }

    @Test
    void anyoneNeedsNoCompany() {
        assertFalse(Ownership.anyone().checksCompany());
        assertNotNull(OwnedDocuments.byId(tasks, "n1", Ownership.anyone(), Projections.include("name")));
        assertEquals(new Document("_id", "b1").append("name", "foreign"),
                OwnedDocuments.byId(tasks, "b1", Ownership.anyone(), Projections.include("name")));
    }
}
