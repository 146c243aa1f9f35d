package io.xstore.projection.task;

import com.mongodb.client.MongoDatabase;
import io.xstore.api.AuditEntry;
import io.xstore.api.task.ArtifactKey;
import io.xstore.api.task.HyperParamRef;
import io.xstore.api.task.TaskArchivedEvent;
import io.xstore.api.task.TaskArtifactsAddedOrUpdatedEvent;
import io.xstore.api.task.TaskArtifactsDeletedEvent;
import io.xstore.api.task.TaskConfigurationEditedEvent;
import io.xstore.api.task.TaskContent;
import io.xstore.api.task.TaskCreatedEvent;
import io.xstore.api.task.TaskDeletedEvent;
import io.xstore.api.task.TaskEditedEvent;
import io.xstore.api.task.TaskHyperParamsDeletedEvent;
import io.xstore.api.task.TaskHyperParamsEditedEvent;
import io.xstore.api.task.TaskIterationReportedEvent;
import io.xstore.api.task.TaskModelAttachedEvent;
import io.xstore.api.task.TaskModelEntry;
import io.xstore.api.task.TaskResetEvent;
import io.xstore.api.task.TaskStatus;
import io.xstore.api.task.TaskCompletedEvent;
import io.xstore.api.task.TaskRenamedEvent;
import io.xstore.api.task.TaskStartedEvent;
import io.xstore.projection.EmbeddedMongo;
import io.xstore.projection.store.ReadModelStore;
import io.xstore.readmodel.Collections;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The projectors fold a batch of events per document and write each once; that must give exactly the documents that
 * writing every event at once gives, and applying a batch's tail twice (a restart after a crash) must change nothing.
 */
class TaskBatchFoldTest {

    private static final String TASK = "0123456789abcdef0123456789abcdef";
    private static final String CHILD = "fedcba9876543210fedcba9876543210";
    private static final String OTHER = "00000000000000000000000000000042";
    private static final Instant T0 = Instant.parse("2025-01-13T16:32:13.123Z");
    private static final Instant T1 = Instant.parse("2025-01-13T16:42:13.123Z");
    private static final AuditEntry AUDIT = new AuditEntry("user1", "Jane", "company1", T0, "call0");
    private static final AuditEntry LATER = new AuditEntry("user2", "John", "company1", T1, "call1");

    private static List<Consumer<TaskProjection>> history() {
        List<Consumer<TaskProjection>> events = new ArrayList<>();
        events.add(p -> p.on(new TaskCreatedEvent(TASK, TaskProjectionTest.content(), null, AUDIT)));
        events.add(p -> p.on(new TaskCreatedEvent(OTHER, TaskProjectionTest.content(), null, AUDIT)));
        events.add(p -> p.on(new TaskCreatedEvent(CHILD, new TaskContent("child", "testing", "", null, OTHER, null,
                null, null, null, null, null, null, null, null, null), null, AUDIT)));
        events.add(p -> p.on(new TaskStartedEvent(TASK, TaskStatus.CREATED, "", "", false, AUDIT)));
        events.add(p -> p.on(new TaskHyperParamsEditedEvent(TASK, List.of(Map.of("section", "Args", "name", "lr",
                "value", "0.1")), "none", LATER)));
        events.add(p -> p.on(new TaskHyperParamsDeletedEvent(TASK, List.of(new HyperParamRef("Args", "a.b")),
                LATER)));
        events.add(p -> p.on(new TaskConfigurationEditedEvent(TASK, List.of(Map.of("name", "General", "value",
                "{}")), false, LATER)));
        events.add(p -> p.on(new TaskArtifactsAddedOrUpdatedEvent(TASK, List.of(Map.of("key", "zeta", "mode",
                "output", "uri", "v2"), Map.of("key", "beta", "mode", "output")), LATER)));
        events.add(p -> p.on(new TaskArtifactsDeletedEvent(TASK, List.of(new ArtifactKey("beta", "output")), LATER)));
        events.add(p -> p.on(new TaskModelAttachedEvent(TASK, "output", new TaskModelEntry("best", "m1", T0), 7,
                AUDIT)));
        events.add(p -> p.on(new TaskIterationReportedEvent(TASK, 12, LATER)));
        events.add(p -> p.on(new TaskEditedEvent(TASK, TaskContent.none().withName("renamed"), LATER)));
        events.add(p -> p.on(new TaskArchivedEvent(TASK, null, null, LATER)));
        events.add(p -> p.on(new TaskDeletedEvent(OTHER, TaskStatus.CREATED, List.of(), LATER)));
        events.add(p -> p.on(new TaskCompletedEvent(TASK, TaskStatus.IN_PROGRESS, "completed", "", 600, false, LATER)));
        events.add(p -> p.on(new TaskResetEvent(TASK, TaskStatus.COMPLETED, false, LATER)));
        return events;
    }

    private static List<Document> documents(MongoDatabase database) {
        return database.getCollection(Collections.TASKS).find().sort(new Document("_id", 1)).into(new ArrayList<>());
    }

    @Test
    void oneBatchGivesTheDocumentsThatEventByEventGives() {
        MongoDatabase direct = EmbeddedMongo.freshDatabase();
        TaskProjection oneByOne = new TaskProjection(new ReadModelStore(direct));
        history().forEach(event -> event.accept(oneByOne));

        MongoDatabase batched = EmbeddedMongo.freshDatabase();
        ReadModelStore store = new ReadModelStore(batched);
        TaskProjection folding = new TaskProjection(store);
        try (ReadModelStore.Batch batch = store.open()) {
            history().forEach(event -> event.accept(folding));
            batch.flush();
        }

        assertThat(documents(batched)).isEqualTo(documents(direct)).hasSize(2);
    }

    @Test
    void applyingTheTailOfABatchAgainChangesNothing() {
        MongoDatabase database = EmbeddedMongo.freshDatabase();
        ReadModelStore store = new ReadModelStore(database);
        TaskProjection projection = new TaskProjection(store);
        List<Consumer<TaskProjection>> events = history();
        events.forEach(event -> event.accept(projection));
        List<Document> once = documents(database);

        try (ReadModelStore.Batch batch = store.open()) {
            events.subList(events.size() - 6, events.size()).forEach(event -> event.accept(projection));
            batch.flush();
        }

        assertThat(documents(database)).isEqualTo(once);
    }

    /** The history fold's seam (docs/api/history.md): the same handlers into memory only, MongoDB untouched. */
    @Test
    void aDetachedBatchFoldsTheSameDocumentsInMemoryWithoutMongo() {
        MongoDatabase direct = EmbeddedMongo.freshDatabase();
        TaskProjection oneByOne = new TaskProjection(new ReadModelStore(direct));
        history().forEach(event -> event.accept(oneByOne));

        MongoDatabase untouched = EmbeddedMongo.freshDatabase();
        ReadModelStore store = new ReadModelStore(untouched);
        TaskProjection folding = new TaskProjection(store);
        List<Document> folded = new ArrayList<>();
        try (ReadModelStore.Detached memory = store.detached()) {
            history().forEach(event -> event.accept(folding));
            memory.documents(Collections.TASKS).values().forEach(doc -> folded.add(Document.parse(doc.toJson())));
            assertThat(store.detachedOnThisThread()).isTrue();
        }
        folded.sort(java.util.Comparator.comparing(doc -> doc.getString("_id")));

        List<Document> stored = documents(direct).stream().map(doc -> Document.parse(doc.toJson())).toList();
        assertThat(folded).isEqualTo(stored).hasSize(2);
        assertThat(documents(untouched)).isEmpty();
        assertThat(store.detachedOnThisThread()).isFalse();
    }

    /**
     * A batch that finds the documents neither read nor cached writes their updates blind (several per document, in
     * order) or, once a handler reads such a document, applies them to it in memory; both as event by event.
     */
    @Test
    void updatesOfDocumentsTheBatchDidNotReadGiveTheSameDocuments() {
        List<Consumer<TaskProjection>> events = history();
        List<Consumer<TaskProjection>> blindOnly = List.of(
                p -> p.on(new TaskStartedEvent(TASK, TaskStatus.CREATED, "", "", false, AUDIT)),
                p -> p.on(new TaskIterationReportedEvent(TASK, 12, LATER)),
                p -> p.on(new TaskRenamedEvent(TASK, "renamed", LATER)),
                p -> p.on(new TaskIterationReportedEvent(OTHER, 3, LATER)));
        for (List<Consumer<TaskProjection>> tail : List.of(events.subList(3, events.size()), blindOnly)) {
            MongoDatabase direct = EmbeddedMongo.freshDatabase();
            TaskProjection oneByOne = new TaskProjection(new ReadModelStore(direct));
            events.subList(0, 3).forEach(event -> event.accept(oneByOne));
            tail.forEach(event -> event.accept(oneByOne));

            MongoDatabase batched = EmbeddedMongo.freshDatabase();
            TaskProjection creating = new TaskProjection(new ReadModelStore(batched));
            events.subList(0, 3).forEach(event -> event.accept(creating));
            ReadModelStore cold = new ReadModelStore(batched);
            TaskProjection folding = new TaskProjection(cold);
            try (ReadModelStore.Batch batch = cold.open()) {
                tail.forEach(event -> event.accept(folding));
                batch.flush();
            }

            assertThat(documents(batched)).isEqualTo(documents(direct));
        }
    }
}
