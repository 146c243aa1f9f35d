package io.xstore.projection.project;

import io.xstore.projection.store.ReadModelStore;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import io.xstore.api.AuditEntry;
import io.xstore.api.project.ProjectCreatedEvent;
import io.xstore.api.project.ProjectDeletedEvent;
import io.xstore.api.project.ProjectMergedEvent;
import io.xstore.api.project.ProjectMovedEvent;
import io.xstore.api.project.ProjectTagsChangedEvent;
import io.xstore.projection.EmbeddedMongo;
import io.xstore.readmodel.Collections;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProjectProjectionTest {

    private static final Instant CREATED = Instant.parse("2025-01-13T16:32:13.123Z");
    private static final Instant LATER = Instant.parse("2025-01-14T10:00:00Z");
    private static final AuditEntry AUDIT = new AuditEntry("user-1", "User", "company-1", CREATED, "call-1");
    private static final AuditEntry LATER_AUDIT = new AuditEntry("user-2", "Other", "company-1", LATER, "call-2");

    private ProjectProjection projection;
    private MongoCollection<Document> projects;

    @BeforeEach
    void setUp() {
        var database = EmbeddedMongo.freshDatabase();
        projection = new ProjectProjection(new ReadModelStore(database));
        projects = database.getCollection(Collections.PROJECTS);
    }

    private Document project(String id) {
        return projects.find(Filters.eq("_id", id)).first();
    }

    private void createNested() {
        projection.on(new ProjectCreatedEvent("pa", "company-1", "team", "team", null, List.of(), "", List.of(),
                List.of(), null, AUDIT));
        projection.on(new ProjectCreatedEvent("pb", "company-1", "team/demo", "demo", "pa", List.of("pa"), "about",
                List.of("z", "a"), List.of("hidden"), "s3://bucket", AUDIT));
    }

    @Test
    void createdProjectIsStoredInClearMlShape() {
        createNested();

        Document demo = project("pb");
        assertThat(demo.getString("name")).isEqualTo("team/demo");
        assertThat(demo.getString("basename")).isEqualTo("demo");
        assertThat(demo.getString("description")).isEqualTo("about");
        assertThat(demo.getList("tags", String.class)).containsExactly("a", "z");
        assertThat(demo.getList("system_tags", String.class)).containsExactly("hidden");
        assertThat(demo.getString("default_output_destination")).isEqualTo("s3://bucket");
        assertThat(demo.getString("parent")).isEqualTo("pa");
        assertThat(demo.getList("path", String.class)).containsExactly("pa");
        assertThat(demo.getString("user")).isEqualTo("user-1");
        assertThat(demo.getString("company")).isEqualTo("company-1");
        assertThat(demo.get("created")).isEqualTo(Date.from(CREATED));
        assertThat(demo.get("last_update")).isEqualTo(Date.from(CREATED));
        assertThat(project("pa").get("parent")).isNull();
    }

    @Test
    void aTagsChangeSetsOnlyTheTags() {
        createNested();

        projection.on(new ProjectTagsChangedEvent("pb", List.of("y", "x"), LATER_AUDIT));

        Document demo = project("pb");
        assertThat(demo.getList("tags", String.class)).containsExactly("x", "y");
        assertThat(demo.getString("description")).isEqualTo("about");
        assertThat(demo.get("last_update")).isEqualTo(Date.from(LATER));
        assertThat(demo.get("created")).isEqualTo(Date.from(CREATED));
    }

    @Test
    void moveChangesNameBasenameParentAndPath() {
        createNested();

        projection.on(new ProjectMovedEvent("pb", "demo2", "demo2", null, List.of(), LATER_AUDIT));

        Document demo = project("pb");
        assertThat(demo.getString("name")).isEqualTo("demo2");
        assertThat(demo.getString("basename")).isEqualTo("demo2");
        assertThat(demo.get("parent")).isNull();
        assertThat(demo.getList("path", String.class)).isEmpty();
    }

    @Test
    void deletedAndMergedProjectsDisappear() {
        createNested();

        projection.on(new ProjectDeletedEvent("pb", LATER_AUDIT));
        projection.on(new ProjectMergedEvent("pa", "elsewhere", LATER_AUDIT));

        assertThat(projects.countDocuments()).isZero();
    }

    @Test
    void resetClearsTheCollection() {
        createNested();

        projection.reset();

        assertThat(projects.countDocuments()).isZero();
    }
}
