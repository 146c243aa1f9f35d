package io.xstore.projection.history;

import com.mongodb.client.MongoDatabase;
import io.xstore.api.AuditEntry;
import io.xstore.api.task.TaskCommentChangedEvent;
import io.xstore.api.task.TaskContent;
import io.xstore.api.task.TaskCreatedEvent;
import io.xstore.api.task.TaskIterationReportedEvent;
import io.xstore.projection.EmbeddedMongo;
import io.xstore.projection.store.ReadModelStore;
import io.xstore.readmodel.Collections;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The audit index (docs/api/history.md) is the same whether the projector's tail is applied once or again. */
class HistoryIndexProjectionTest {

    private static final AuditEntry AUDIT = new AuditEntry("u1", "User One", "c1",
            Instant.parse("2026-12-07T04:00:00Z"), "call-1");

    private final MongoDatabase database = EmbeddedMongo.freshDatabase();
    private final HistoryIndexProjection projection = new HistoryIndexProjection(new ReadModelStore(database));

    private final List<Object> events = List.of(
            new TaskCreatedEvent("t1", TaskContent.none().withName("run"), null, AUDIT),
            new TaskIterationReportedEvent("t1", 1, AUDIT),
            new TaskIterationReportedEvent("t1", 2, AUDIT),
            new TaskCommentChangedEvent("t1", "done", AUDIT),
            new TaskIterationReportedEvent("t1", 3, AUDIT),
            new TaskCommentChangedEvent("t1", "by the system", AuditEntry.system("call-2")),
            new TaskIterationReportedEvent("t1", 4, AUDIT),
            new TaskIterationReportedEvent("t1", 5, AUDIT));

    @Test
    void reApplyingTheTailAfterACrashLeavesTheSameRowsAndHeads() {
        applyFrom(0);
        List<Document> once = stored();

        for (int from : List.of(6, 5, 3, 2, 1, 0)) {
            applyFrom(from);
            assertThat(stored()).as("re-applied from sequence %d", from).isEqualTo(once);
        }
        assertThat(once.stream().filter(row -> "run".equals(row.get("row"))).map(row -> row.get("count")))
                .containsExactly(2, 1, 2);
        assertThat(once.stream().filter(row -> "e6".equals(row.get("_id"))).map(row -> row.get("company")))
                .as("a system-made event takes its entity's company").containsExactly("c1");
    }

    private void applyFrom(int sequence) {
        for (int seq = sequence; seq < events.size(); seq++) {
            Object payload = events.get(seq);
            long position = seq + 1;
            var domain = new GenericDomainEventMessage<>("TaskAggregate", "t1", seq, payload);
            projection.on(payload, new GenericTrackedDomainEventMessage<>(
                    new GlobalSequenceTrackingToken(position), domain));
        }
    }

    private List<Document> stored() {
        List<Document> out = new ArrayList<>();
        database.getCollection(Collections.HISTORY).find().sort(new Document("_id", 1)).into(out);
        database.getCollection(Collections.HISTORY_HEADS).find().sort(new Document("_id", 1)).into(out);
        return out;
    }
}
