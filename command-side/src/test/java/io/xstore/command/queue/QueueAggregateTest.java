package io.xstore.command.queue;

import io.xstore.api.AuditEntry;
import io.xstore.api.queue.AddQueueEntryCommand;
import io.xstore.api.queue.ChangeQueueMetadataCommand;
import io.xstore.api.queue.ClearQueueCommand;
import io.xstore.api.queue.CreateQueueCommand;
import io.xstore.api.queue.DeleteQueueCommand;
import io.xstore.api.queue.MoveQueueEntryCommand;
import io.xstore.api.queue.PopQueueEntryCommand;
import io.xstore.api.queue.QueueClearedEvent;
import io.xstore.api.queue.QueueCreatedEvent;
import io.xstore.api.queue.QueueDeletedEvent;
import io.xstore.api.queue.QueueEntry;
import io.xstore.api.queue.QueueEntryAddedEvent;
import io.xstore.api.queue.QueueEntryMovedEvent;
import io.xstore.api.queue.QueueEntryPoppedEvent;
import io.xstore.api.queue.QueueEntryRemovedEvent;
import io.xstore.api.queue.QueueMetadataChangedEvent;
import io.xstore.api.queue.QueueMove;
import io.xstore.api.queue.QueueRenamedEvent;
import io.xstore.api.queue.QueueTagsChangedEvent;
import io.xstore.api.queue.RemoveQueueEntryCommand;
import io.xstore.api.queue.UpdateQueueCommand;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.xstore.command.ApiErrorMatcher.apiError;
import static org.junit.jupiter.api.Assertions.assertEquals;

class QueueAggregateTest {

    static final String COMPANY = "company";
    static final String Q = "q1";
    static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");
    static final Instant T1 = T0.plusSeconds(60);
    static final AuditEntry AUDIT = new AuditEntry("u1", "user", COMPANY, T0, "call0");
    static final AuditEntry LATER = new AuditEntry("u1", "user", COMPANY, T1, "call1");
    static final AuditEntry OTHER = new AuditEntry("u2", "other", "other-company", T1, "call2");

    private FixtureConfiguration<QueueAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(QueueAggregate.class);
    }

    static QueueCreatedEvent created() {
        return new QueueCreatedEvent(Q, "queue", null, List.of(), List.of(), Map.of(), AUDIT);
    }

    static QueueEntryAddedEvent added(String task) {
        return new QueueEntryAddedEvent(Q, task, T0, AUDIT);
    }

    @Test
    void createIsOneEventAndAShortNameIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new CreateQueueCommand(Q, " queue ", null, null, null, null, AUDIT))
                .expectEvents(created());
        fixture.givenNoPriorActivity()
                .when(new CreateQueueCommand(Q, "ab", null, null, null, null, AUDIT))
                .expectException(apiError(400, 12));
    }

    @Test
    void updateIsOneEventPerChangedField() {
        fixture.given(created())
                .when(new UpdateQueueCommand(Q, "renamed", null, List.of("t"), null, null, LATER))
                .expectEvents(new QueueRenamedEvent(Q, "renamed", LATER),
                        new QueueTagsChangedEvent(Q, List.of("t"), LATER));
        fixture.given(created())
                .when(new UpdateQueueCommand(Q, "queue", null, List.of(), null, null, LATER))
                .expectNoEvents();
    }

    @Test
    void anotherCompanysQueueIsAnInvalidId() {
        fixture.given(created())
                .when(new AddQueueEntryCommand(Q, "t1", OTHER))
                .expectException(apiError(400, 701));
    }

    @Test
    void addingTheSameTaskTwiceIs706() {
        fixture.given(created(), added("t1"))
                .when(new AddQueueEntryCommand(Q, "t1", LATER))
                .expectException(apiError(400, 706));
    }

    @Test
    void popHandsOutTheFirstEntryToTheWorker() {
        fixture.given(created(), added("t1"), added("t2"))
                .when(new PopQueueEntryCommand(Q, "worker-a", LATER))
                .expectEvents(new QueueEntryPoppedEvent(Q, "t1", T0, "worker-a", LATER))
                .expectResultMessagePayload(new QueueEntry("t1", T0))
                .expectState(queue -> assertEquals(List.of(new QueueEntry("t2", T0)), queue.entries()));
    }

    @Test
    void popOfAnEmptyQueueAnswersNothing() {
        fixture.given(created(), added("t1"), new QueueEntryPoppedEvent(Q, "t1", T0, "w", AUDIT))
                .when(new PopQueueEntryCommand(Q, "worker-b", LATER))
                .expectNoEvents()
                .expectResultMessagePayload(null);
    }

    @Test
    void moveNamesBothPositionsAndStaysInBounds() {
        fixture.given(created(), added("t1"), added("t2"), added("t3"))
                .when(new MoveQueueEntryCommand(Q, "t3", QueueMove.BY_COUNT, -5, LATER))
                .expectEvents(new QueueEntryMovedEvent(Q, "t3", 2, 0, LATER))
                .expectResultMessagePayload(0)
                .expectState(queue -> assertEquals(List.of("t3", "t1", "t2"),
                        queue.entries().stream().map(QueueEntry::task).toList()));
        fixture.given(created(), added("t1"))
                .when(new MoveQueueEntryCommand(Q, "t9", QueueMove.TO_FRONT, 0, LATER))
                .expectException(apiError(400, 703));
    }

    @Test
    void removeOfAnAbsentTaskIs703() {
        fixture.given(created(), added("t1"))
                .when(new RemoveQueueEntryCommand(Q, "t1", false, LATER))
                .expectEvents(new QueueEntryRemovedEvent(Q, "t1", LATER));
        fixture.given(created())
                .when(new RemoveQueueEntryCommand(Q, "t1", false, LATER))
                .expectException(apiError(400, 703));
    }

    @Test
    void deleteOfAQueueWithEntriesNeedsForce() {
        fixture.given(created(), added("t1"))
                .when(new DeleteQueueCommand(Q, false, LATER))
                .expectException(apiError(400, 702));
        fixture.given(created(), added("t1"))
                .when(new DeleteQueueCommand(Q, true, LATER))
                .expectEvents(new QueueDeletedEvent(Q, List.of("t1"), LATER))
                .expectResultMessagePayload(List.of("t1"));
    }

    @Test
    void clearNamesTheTasksItRemoved() {
        fixture.given(created(), added("t1"), added("t2"))
                .when(new ClearQueueCommand(Q, LATER))
                .expectEvents(new QueueClearedEvent(Q, List.of("t1", "t2"), LATER));
    }

    @Test
    void metadataChangesNameWhatChanged() {
        Map<String, Object> gpu = Map.of("key", "gpu", "type", "str", "value", "a100");
        fixture.given(created())
                .when(new ChangeQueueMetadataCommand(Q, Map.of("gpu", gpu), List.of(), false, LATER))
                .expectEvents(new QueueMetadataChangedEvent(Q, Map.of("gpu", gpu), List.of(), Map.of("gpu", gpu),
                        LATER));
        fixture.given(created(), new QueueMetadataChangedEvent(Q, Map.of("gpu", gpu), List.of(),
                        Map.of("gpu", gpu), AUDIT))
                .when(new ChangeQueueMetadataCommand(Q, Map.of(), List.of("gpu", "none"), false, LATER))
                .expectEvents(new QueueMetadataChangedEvent(Q, Map.of(), List.of("gpu"), Map.of(), LATER));
    }
}
