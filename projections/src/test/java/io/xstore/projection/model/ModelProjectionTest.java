package io.xstore.projection.model;

import io.xstore.projection.store.ReadModelStore;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import io.xstore.api.AuditEntry;
import io.xstore.api.model.ModelArchivedEvent;
import io.xstore.api.model.ModelCreatedEvent;
import io.xstore.api.model.ModelDeletedEvent;
import io.xstore.api.model.ModelEditedEvent;
import io.xstore.api.model.ModelFields;
import io.xstore.api.model.ModelMetadataChangedEvent;
import io.xstore.api.model.ModelMovedEvent;
import io.xstore.api.model.ModelPublishedEvent;
import io.xstore.api.model.ModelTagsUpdatedEvent;
import io.xstore.api.model.ModelUnarchivedEvent;
import io.xstore.projection.EmbeddedMongo;
import io.xstore.readmodel.Collections;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ModelProjectionTest {

    private static final Instant CREATED = Instant.parse("2025-01-13T16:32:13.123Z");
    private static final Instant LATER = Instant.parse("2025-01-14T10:00:00Z");
    private static final AuditEntry AUDIT = new AuditEntry("user-1", "User", "company-1", CREATED, "call-1");
    private static final AuditEntry LATER_AUDIT = new AuditEntry("user-2", "Other", "company-1", LATER, "call-2");
    private static final String ID = "m1";

    private ModelProjection projection;
    private MongoCollection<Document> models;

    @BeforeEach
    void setUp() {
        var database = EmbeddedMongo.freshDatabase();
        projection = new ModelProjection(new ReadModelStore(database));
        models = database.getCollection(Collections.MODELS);
    }

    private Document model() {
        return models.find(Filters.eq("_id", ID)).first();
    }

    private void create() {
        projection.on(new ModelCreatedEvent(ID, "company-1", new ModelFields("Anonymous model",
                "file:///tmp/uploading_file", null, Map.of(), Map.of("cat.v1", 1), "", List.of("b", "a"), List.of(),
                "task-1", "proj-1", null, false, null, null, Map.of()), AUDIT));
    }

    @Test
    void createdModelIsStoredInClearMlShape() {
        create();

        Document model = model();
        assertThat(model.getString("name")).isEqualTo("Anonymous model");
        assertThat(model.getString("uri")).isEqualTo("file:///tmp/uploading_file");
        assertThat(model.getBoolean("ready")).isFalse();
        assertThat(model.getString("task")).isEqualTo("task-1");
        assertThat(model.getString("project")).isEqualTo("proj-1");
        assertThat(model.getList("tags", String.class)).containsExactly("a", "b");
        assertThat(model.get("labels", Document.class)).containsEntry("cat%2Ev1", 1);
        assertThat(model.get("created")).isEqualTo(Date.from(CREATED));
        assertThat(model.get("last_update")).isEqualTo(Date.from(CREATED));
        assertThat(model.getString("user")).isEqualTo("user-1");
        assertThat(model.getString("company")).isEqualTo("company-1");
        assertThat(model.containsKey("framework")).isFalse();
        assertThat(model.containsKey("parent")).isFalse();
    }

    @Test
    void editSetsTheGivenFieldsAndTheChangeBookkeeping() {
        create();

        projection.on(new ModelEditedEvent(ID, new ModelFields("demo", "https://files/m.pt", "PyTorch",
                Map.of("design", "net"), null, "Created by task id: task-1", null, null, null, null, null, null, null,
                Map.of(), null), LATER_AUDIT));

        Document model = model();
        assertThat(model.getString("name")).isEqualTo("demo");
        assertThat(model.getString("uri")).isEqualTo("https://files/m.pt");
        assertThat(model.getString("framework")).isEqualTo("PyTorch");
        assertThat(model.get("design", Document.class)).containsEntry("design", "net");
        assertThat(model.get("labels", Document.class)).containsEntry("cat%2Ev1", 1);
        assertThat(model.get("last_update")).isEqualTo(Date.from(LATER));
        assertThat(model.get("last_change")).isEqualTo(Date.from(LATER));
        assertThat(model.getString("last_changed_by")).isEqualTo("user-2");
        assertThat(model.get("created")).isEqualTo(Date.from(CREATED));
    }

    @Test
    void publishedModelIsReady() {
        create();

        projection.on(new ModelPublishedEvent(ID, LATER_AUDIT));

        assertThat(model().getBoolean("ready")).isTrue();
    }

    @Test
    void archiveAndUnarchiveToggleTheSortedSystemTag() {
        create();
        projection.on(new ModelEditedEvent(ID, new ModelFields(null, null, null, null, null, null, null,
                List.of("zeta", "alpha"), null, null, null, null, null, null, null), AUDIT));

        projection.on(new ModelArchivedEvent(ID, LATER_AUDIT));
        assertThat(model().getList("system_tags", String.class)).containsExactly("alpha", "archived", "zeta");

        projection.on(new ModelUnarchivedEvent(ID, LATER_AUDIT));
        assertThat(model().getList("system_tags", String.class)).containsExactly("alpha", "zeta");
    }

    @Test
    void metadataKeysAreEscaped() {
        create();

        projection.on(new ModelMetadataChangedEvent(ID, Map.of("lr.max", Map.of("key", "lr.max", "type", "float",
                "value", "0.1")), LATER_AUDIT));

        Document metadata = model().get("metadata", Document.class);
        assertThat(metadata.get("lr%2Emax", Document.class)).containsEntry("key", "lr.max")
                .containsEntry("value", "0.1");
    }

    @Test
    void tagsAndProjectFollowTheirEvents() {
        create();

        projection.on(new ModelTagsUpdatedEvent(ID, List.of("x"), LATER_AUDIT));
        projection.on(new ModelMovedEvent(ID, null, LATER_AUDIT));

        assertThat(model().getList("tags", String.class)).containsExactly("x");
        assertThat(model().containsKey("project")).isFalse();
    }

    @Test
    void deletedModelDisappears() {
        create();

        projection.on(new ModelDeletedEvent(ID, "file:///tmp/uploading_file", LATER_AUDIT));

        assertThat(models.countDocuments()).isZero();
    }
}
