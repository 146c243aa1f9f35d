package io.xstore.projection.task;

import io.xstore.projection.store.ReadModelStore;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.xstore.api.AuditEntry;
import io.xstore.api.task.TaskContent;
import io.xstore.api.task.TaskCreatedEvent;
import io.xstore.api.task.TaskIterationReportedEvent;
import io.xstore.api.task.TaskModels;
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

class TaskIterationProjectionTest {

    private static final String TASK = "0123456789abcdef0123456789abcdef";
    private static final Instant T0 = Instant.parse("2025-01-13T16:32:13.123Z");
    private static final Instant T1 = Instant.parse("2025-01-13T16:42:13.123Z");
    private static final AuditEntry AUDIT = new AuditEntry("user1", "Jane", "company1", T0, "call0");
    private static final AuditEntry LATER = new AuditEntry("user2", "John", "company1", T1, "call1");

    private TaskProjection projection;
    private MongoCollection<Document> tasks;

    @BeforeEach
    void setUp() {
        MongoDatabase database = EmbeddedMongo.freshDatabase();
        projection = new TaskProjection(new ReadModelStore(database));
        tasks = database.getCollection(Collections.TASKS);
        projection.on(new TaskCreatedEvent(TASK, new TaskContent("demo", "training", "", null, null, List.of(),
                List.of(), null, Map.of(), Map.of(), Map.of(), TaskModels.empty(), Map.of(), Map.of(), Map.of()),
                null, AUDIT));
    }

    private Document task() {
        return tasks.find(Filters.eq("_id", TASK)).first();
    }

    @Test
    void aReportedIterationRaisesLastIteration() {
        projection.on(new TaskIterationReportedEvent(TASK, 7, LATER));
        assertThat(task().getInteger("last_iteration")).isEqualTo(7);
        assertThat(task().getDate("last_update")).isEqualTo(Date.from(T1));
    }

    @Test
    void aLowerIterationDoesNotLowerIt() {
        projection.on(new TaskIterationReportedEvent(TASK, 7, AUDIT));
        projection.on(new TaskIterationReportedEvent(TASK, 3, LATER));
        assertThat(task().getInteger("last_iteration")).isEqualTo(7);
    }

    @Test
    void reportedProgressIsNotAUserChange() {
        projection.on(new TaskIterationReportedEvent(TASK, 7, LATER));
        assertThat(task().getDate("last_change")).isEqualTo(Date.from(T0));
        assertThat(task().getString("last_changed_by")).isEqualTo("user1");
    }
}
