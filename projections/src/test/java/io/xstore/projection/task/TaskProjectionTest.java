package io.xstore.projection.task;

import io.xstore.projection.store.ReadModelStore;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.xstore.api.AuditEntry;
import io.xstore.api.task.ArtifactKey;
import io.xstore.api.task.HyperParamRef;
import io.xstore.api.task.RecordTaskPingCommand;
import io.xstore.api.task.TaskArchivedEvent;
import io.xstore.api.task.TaskArtifactsAddedOrUpdatedEvent;
import io.xstore.api.task.TaskArtifactsDeletedEvent;
import io.xstore.api.task.TaskConfigurationDeletedEvent;
import io.xstore.api.task.TaskConfigurationEditedEvent;
import io.xstore.api.task.TaskContent;
import io.xstore.api.task.TaskCreatedEvent;
import io.xstore.api.task.TaskDeletedEvent;
import io.xstore.api.task.TaskEditedEvent;
import io.xstore.api.task.TaskHyperParamsDeletedEvent;
import io.xstore.api.task.TaskHyperParamsEditedEvent;
import io.xstore.api.task.TaskModelAttachedEvent;
import io.xstore.api.task.TaskModelEntry;
import io.xstore.api.task.TaskModelRef;
import io.xstore.api.task.TaskModels;
import io.xstore.api.task.TaskModelsDetachedEvent;
import io.xstore.api.task.TaskResetEvent;
import io.xstore.api.task.TaskStatus;
import io.xstore.api.task.TaskCompletedEvent;
import io.xstore.api.task.TaskStartedEvent;
import io.xstore.api.task.TaskUnarchivedEvent;
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

class TaskProjectionTest {

    private static final String TASK = "0123456789abcdef0123456789abcdef";
    private static final Instant T0 = Instant.parse("2025-01-13T16:32:13.123Z");
    private static final Instant T1 = Instant.parse("2025-01-13T16:42:13.123Z");
    private static final AuditEntry AUDIT = new AuditEntry("user1", "Jane", "company1", T0, "call0");
    private static final AuditEntry LATER = new AuditEntry("user2", "John", "company1", T1, "call1");

    private TaskProjection projection;
    private TaskPingRecorder pings;
    private MongoCollection<Document> tasks;

    @BeforeEach
    void setUp() {
        MongoDatabase database = EmbeddedMongo.freshDatabase();
        ReadModelStore store = new ReadModelStore(database);
        projection = new TaskProjection(store);
        pings = new TaskPingRecorder(store);
        tasks = database.getCollection(Collections.TASKS);
    }

    /** A task as the SDK creates it; shared with the other task projection tests. */
    static TaskContent content() {
        return new TaskContent("demo", "training", "Auto-generated", "project1", null, List.of("b", "a"),
                List.of("development"), Map.of("binary", "python", "repository", "git@x"),
                Map.of("framework", "torch", "artifacts", List.of(
                        Map.of("key", "zeta", "mode", "output"), Map.of("key", "alpha", "mode", "input"))),
                Map.of("Args", Map.of("a.b", Map.of("section", "Args", "name", "a.b", "value", "1"))),
                Map.of(), TaskModels.empty(), Map.of(), Map.of("progress", "0"), Map.of());
    }

    private Document task() {
        return tasks.find(Filters.eq("_id", TASK)).first();
    }

    private Document created() {
        projection.on(new TaskCreatedEvent(TASK, content(), null, AUDIT));
        return task();
    }

    @Test
    void createdWritesTheWireShape() {
        Document task = created();
        assertThat(task.getString("name")).isEqualTo("demo");
        assertThat(task.getString("status")).isEqualTo("created");
        assertThat(task.getString("status_reason")).isEmpty();
        assertThat(task.getString("company")).isEqualTo("company1");
        assertThat(task.getString("user")).isEqualTo("user1");
        assertThat(task.getString("project")).isEqualTo("project1");
        assertThat(task.containsKey("parent")).isFalse();
        assertThat(task.getList("tags", String.class)).containsExactly("a", "b");
        assertThat(task.getDate("created")).isEqualTo(Date.from(T0));
        assertThat(task.getDate("last_update")).isEqualTo(Date.from(T0));
        assertThat(task.getInteger("last_iteration")).isZero();
        assertThat(task.get("last_metrics", Document.class)).isEmpty();
        assertThat(task.get("models", Document.class)).isEqualTo(new Document("input", List.of())
                .append("output", List.of()));
        assertThat(task.get("hyperparams", Document.class).get("Args", Document.class).containsKey("a%2Eb")).isTrue();
    }

    @Test
    void artifactsAreAListSortedByKey() {
        Document execution = created().get("execution", Document.class);
        assertThat(execution.getList("artifacts", Document.class)).extracting(a -> a.getString("key"))
                .containsExactly("alpha", "zeta");
        assertThat(execution.getString("framework")).isEqualTo("torch");
    }

    @Test
    void editsMergeScriptAndOutputAndReplaceTheRest() {
        created();
        projection.on(new TaskEditedEvent(TASK, new TaskContent("renamed", null, null, "", null, null, null,
                Map.of("branch", "main"), null, null, null, null, null, Map.of("ide", "vim"),
                Map.of("destination", "s3://b")), LATER));
        Document task = task();
        assertThat(task.getString("name")).isEqualTo("renamed");
        assertThat(task.containsKey("project")).isFalse();
        assertThat(task.get("script", Document.class)).containsEntry("repository", "git@x")
                .containsEntry("branch", "main");
        assertThat(task.get("runtime", Document.class)).isEqualTo(new Document("ide", "vim"));
        assertThat(task.get("output", Document.class)).isEqualTo(new Document("destination", "s3://b"));
        assertThat(task.getDate("last_change")).isEqualTo(Date.from(T1));
        assertThat(task.getString("last_changed_by")).isEqualTo("user2");
    }

    @Test
    void statusChangesSetTheLifecycleTimes() {
        created();
        projection.on(new TaskStartedEvent(TASK, TaskStatus.CREATED, "", "", false, AUDIT));
        projection.on(new TaskCompletedEvent(TASK, TaskStatus.IN_PROGRESS, "completed", "", 600, false, LATER));
        Document task = task();
        assertThat(task.getString("status")).isEqualTo("completed");
        assertThat(task.getString("status_reason")).isEqualTo("completed");
        assertThat(task.getDate("started")).isEqualTo(Date.from(T0));
        assertThat(task.getDate("completed")).isEqualTo(Date.from(T1));
        assertThat(task.getDate("status_changed")).isEqualTo(Date.from(T1));
        assertThat(task.getLong("active_duration")).isEqualTo(600L);
    }

    @Test
    void hyperParamEditsFollowTheReplaceMode() {
        created();
        Map<String, Object> lr = Map.of("section", "Args", "name", "lr", "value", "0.1");
        Map<String, Object> owner = Map.of("section", "properties", "name", "owner", "value", "me");
        projection.on(new TaskHyperParamsEditedEvent(TASK, List.of(lr, owner), "none", LATER));
        Document hyperparams = task().get("hyperparams", Document.class);
        assertThat(hyperparams.get("Args", Document.class).keySet()).containsExactlyInAnyOrder("a%2Eb", "lr");

        projection.on(new TaskHyperParamsEditedEvent(TASK, List.of(lr), "section", LATER));
        assertThat(task().get("hyperparams", Document.class).get("Args", Document.class).keySet())
                .containsExactly("lr");

        projection.on(new TaskHyperParamsEditedEvent(TASK, List.of(owner), "all", LATER));
        assertThat(task().get("hyperparams", Document.class).keySet()).containsExactly("properties");
    }

    @Test
    void hyperParamDeletesRemoveNamesOrSections() {
        created();
        projection.on(new TaskHyperParamsEditedEvent(TASK, List.of(Map.of("section", "Args", "name", "lr")), "none",
                LATER));
        projection.on(new TaskHyperParamsDeletedEvent(TASK, List.of(new HyperParamRef("Args", "a.b")), LATER));
        assertThat(task().get("hyperparams", Document.class).get("Args", Document.class).keySet())
                .containsExactly("lr");
        projection.on(new TaskHyperParamsDeletedEvent(TASK, List.of(new HyperParamRef("Args", null),
                new HyperParamRef("Args", "lr")), LATER));
        assertThat(task().get("hyperparams", Document.class)).isEmpty();
    }

    @Test
    void configurationItemsAreUpsertedAndDeletedByName() {
        created();
        projection.on(new TaskConfigurationEditedEvent(TASK, List.of(Map.of("name", "General", "value", "{}"),
                Map.of("name", "my.yaml", "value", "a: 1")), false, LATER));
        projection.on(new TaskConfigurationDeletedEvent(TASK, List.of("General"), LATER));
        assertThat(task().get("configuration", Document.class).keySet()).containsExactly("my%2Eyaml");
    }

    @Test
    void artifactsAreUpsertedByKeyAndMode() {
        created();
        projection.on(new TaskArtifactsAddedOrUpdatedEvent(TASK, List.of(
                Map.of("key", "zeta", "mode", "output", "uri", "v2"), Map.of("key", "beta", "mode", "output")),
                LATER));
        List<Document> artifacts = task().get("execution", Document.class).getList("artifacts", Document.class);
        assertThat(artifacts).extracting(a -> a.getString("key")).containsExactly("alpha", "beta", "zeta");
        assertThat(artifacts.get(2).getString("uri")).isEqualTo("v2");

        projection.on(new TaskArtifactsDeletedEvent(TASK, List.of(new ArtifactKey("beta", "output")), LATER));
        assertThat(task().get("execution", Document.class).getList("artifacts", Document.class))
                .extracting(a -> a.getString("key")).containsExactly("alpha", "zeta");
    }

    @Test
    void modelsAreUpsertedByNameAndRaiseTheLastIteration() {
        created();
        projection.on(new TaskModelAttachedEvent(TASK, "output", new TaskModelEntry("best", "m1", T0), 7, AUDIT));
        projection.on(new TaskModelAttachedEvent(TASK, "output", new TaskModelEntry("best", "m2", T1), 3, LATER));
        Document task = task();
        assertThat(task.get("models", Document.class).getList("output", Document.class)).containsExactly(
                new Document("name", "best").append("model", "m2").append("updated", Date.from(T1)));
        assertThat(task.getInteger("last_iteration")).isEqualTo(7);

        projection.on(new TaskModelsDetachedEvent(TASK, List.of(new TaskModelRef("best", "output")), LATER));
        assertThat(task().get("models", Document.class).getList("output", Document.class)).isEmpty();
    }

    @Test
    void resetClearsTheRunButKeepsInputArtifacts() {
        created();
        projection.on(new TaskStartedEvent(TASK, TaskStatus.CREATED, "", "", false, AUDIT));
        projection.on(new TaskModelAttachedEvent(TASK, "output", new TaskModelEntry("best", "m1", T0), 7, AUDIT));
        projection.on(new TaskResetEvent(TASK, TaskStatus.IN_PROGRESS, false, LATER));
        Document task = task();
        assertThat(task.getString("status")).isEqualTo("created");
        assertThat(task.containsKey("started")).isFalse();
        assertThat(task.getInteger("last_iteration")).isZero();
        assertThat(task.get("runtime", Document.class)).isEmpty();
        assertThat(task.get("models", Document.class).getList("output", Document.class)).isEmpty();
        assertThat(task.get("execution", Document.class).getList("artifacts", Document.class))
                .extracting(a -> a.getString("key")).containsExactly("alpha");
        assertThat(task.containsKey("script")).isTrue();
    }

    @Test
    void resetWithClearAllDropsScriptAndExecution() {
        created();
        projection.on(new TaskResetEvent(TASK, TaskStatus.CREATED, true, LATER));
        assertThat(task().containsKey("script")).isFalse();
        assertThat(task().get("execution", Document.class)).isEmpty();
    }

    @Test
    void archivingKeepsSystemTagsSorted() {
        created();
        projection.on(new TaskArchivedEvent(TASK, null, null, LATER));
        assertThat(task().getList("system_tags", String.class)).containsExactly("archived", "development");
        projection.on(new TaskUnarchivedEvent(TASK, null, null, LATER));
        assertThat(task().getList("system_tags", String.class)).containsExactly("development");
    }

    @Test
    void deletingATaskMarksItsChildren() {
        created();
        String child = "fedcba9876543210fedcba9876543210";
        projection.on(new TaskCreatedEvent(child, new TaskContent("child", "testing", "", null, TASK, null, null,
                null, null, null, null, null, null, null, null), null, AUDIT));
        projection.on(new TaskDeletedEvent(TASK, TaskStatus.CREATED, List.of(), LATER));
        assertThat(task()).isNull();
        assertThat(tasks.find(Filters.eq("_id", child)).first().getString("parent"))
                .isEqualTo("__DELETED__" + TASK);
    }

    @Test
    void replayingEventsGivesTheSameDocument() {
        List<Object> events = List.of(new TaskCreatedEvent(TASK, content(), null, AUDIT),
                new TaskArtifactsAddedOrUpdatedEvent(TASK, List.of(Map.of("key", "beta", "mode", "output")), LATER),
                new TaskModelAttachedEvent(TASK, "input", new TaskModelEntry("in", "m0", T0), null, LATER),
                new TaskArchivedEvent(TASK, null, null, LATER));
        events.forEach(this::apply);
        Document first = task();
        projection.reset();
        assertThat(tasks.countDocuments()).isZero();
        events.forEach(this::apply);
        events.forEach(this::apply);
        assertThat(task()).isEqualTo(first);
    }

    private void apply(Object event) {
        if (event instanceof TaskCreatedEvent e) {
            projection.on(e);
        } else if (event instanceof TaskArtifactsAddedOrUpdatedEvent e) {
            projection.on(e);
        } else if (event instanceof TaskModelAttachedEvent e) {
            projection.on(e);
        } else if (event instanceof TaskArchivedEvent e) {
            projection.on(e);
        }
    }

    @Test
    void pingUpdatesLastUpdateAndTheRunningTime() {
        created();
        projection.on(new TaskStartedEvent(TASK, TaskStatus.CREATED, "", "", false, AUDIT));
        assertThat(pings.handle(new RecordTaskPingCommand(TASK, LATER))).isTrue();
        assertThat(task().getDate("last_update")).isEqualTo(Date.from(T1));
        assertThat(task().getLong("active_duration")).isEqualTo(600L);
    }

    @Test
    void pingOfAnotherCompanysTaskIsUnknown() {
        created();
        assertThat(pings.handle(new RecordTaskPingCommand(TASK,
                new AuditEntry("user3", "Eve", "company2", T1, "call3")))).isFalse();
        assertThat(task().getDate("last_update")).isEqualTo(Date.from(T0));
    }
}
