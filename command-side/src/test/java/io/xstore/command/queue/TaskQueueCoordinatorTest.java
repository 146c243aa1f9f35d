package io.xstore.command.queue;

import io.xstore.api.AuditEntry;
import io.xstore.api.queue.QueueEntryAddedEvent;
import io.xstore.api.queue.QueueEntryRemovedEvent;
import io.xstore.api.task.CreateTaskCommand;
import io.xstore.api.task.DequeueTaskCommand;
import io.xstore.api.task.EnqueueTaskCommand;
import io.xstore.api.task.MarkTaskStartedCommand;
import io.xstore.api.task.TaskContent;
import io.xstore.api.task.TaskDequeuedEvent;
import io.xstore.api.task.TaskEnqueuedEvent;
import io.xstore.api.task.TaskStatus;
import io.xstore.api.task.TaskSystemTagsChangedEvent;
import io.xstore.command.CommandErrors;
import io.xstore.command.task.TaskAggregate;
import io.xstore.command.task.TaskCommandHandler;
import io.xstore.command.task.ProjectDirectory;
import io.xstore.protocol.ApiException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The coordinator on a real in-memory Axon configuration: a task event and a queue event per call, or neither. */
class TaskQueueCoordinatorTest {

    static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");
    static final AuditEntry AUDIT = new AuditEntry("u1", "user", "company", T0, "call-1");

    private Configuration axon;
    private CommandGateway gateway;

    @BeforeEach
    void setUp() {
        axon = DefaultConfigurer.defaultConfiguration()
                .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine())
                .configureAggregate(TaskAggregate.class)
                .configureAggregate(QueueAggregate.class)
                .registerCommandHandler(c -> new TaskCommandHandler(c.repository(TaskAggregate.class),
                        new ProjectDirectory() {
                            @Override
                            public boolean exists(String projectId, String company) {
                                return true;
                            }

                            @Override
                            public String findOrCreate(String name, io.xstore.api.AuditEntry audit) {
                                return name;
                            }
                        }))
                .registerCommandHandler(c -> new TaskQueueCoordinator(c.repository(TaskAggregate.class),
                        c.repository(QueueAggregate.class)))
                .buildConfiguration();
        axon.start();
        gateway = axon.commandGateway();
        gateway.sendAndWait(new CreateTaskCommand("t1", new TaskContent("task one", "training", "", "p1", null, null,
                List.of("development"), null, null, null, null, null, null, null, null), AUDIT));
        gateway.sendAndWait(new io.xstore.api.queue.CreateQueueCommand("q1", "queue", null, null, null, null,
                AUDIT));
    }

    @AfterEach
    void tearDown() {
        axon.shutdown();
    }

    private List<Object> events(String aggregate) {
        return axon.eventStore().readEvents(aggregate).asStream().map(EventMessage::getPayload)
                .map(Object.class::cast).toList();
    }

    @Test
    void enqueueStoresTheTaskAndQueueEventsWithTheSameCallId() {
        gateway.sendAndWait(new EnqueueTaskCommand("t1", "q1", null, null, AUDIT));

        assertThat(events("t1")).contains(new TaskSystemTagsChangedEvent("t1", List.of(), AUDIT),
                new TaskEnqueuedEvent("t1", TaskStatus.CREATED, "q1", "", "", false, AUDIT));
        assertThat(events("q1")).contains(new QueueEntryAddedEvent("q1", "t1", T0, AUDIT));
    }

    @Test
    void aFailingQueueStepLeavesTheTaskUnchanged() {
        gateway.sendAndWait(new EnqueueTaskCommand("t1", "q1", null, null, AUDIT));
        int before = events("t1").size();

        assertThatThrownBy(() -> gateway.sendAndWait(new EnqueueTaskCommand("t1", "q1", null, null, AUDIT)))
                .satisfies(e -> assertThat(CommandErrors.apiError(e)).extracting(ApiException::subcode)
                        .isEqualTo(706));
        assertThat(events("t1")).hasSize(before);
        assertThatThrownBy(() -> gateway.sendAndWait(new EnqueueTaskCommand("t1", "nope", null, null, AUDIT)))
                .satisfies(e -> assertThat(CommandErrors.apiError(e)).extracting(ApiException::subcode)
                        .isEqualTo(701));
        assertThat(events("t1")).hasSize(before);
    }

    @Test
    void dequeueRestoresThePreviousStatusAndLeavesTheQueue() {
        gateway.sendAndWait(new EnqueueTaskCommand("t1", "q1", null, null, AUDIT));
        TaskDequeuedEvent dequeued = gateway.sendAndWait(new DequeueTaskCommand("t1", null, null, null, AUDIT));

        assertThat(dequeued.to()).isEqualTo(TaskStatus.CREATED);
        assertThat(events("q1")).contains(new QueueEntryRemovedEvent("q1", "t1", AUDIT));
        assertThat((Object) gateway.sendAndWait(new DequeueTaskCommand("t1", null, null, null, AUDIT))).isNull();
    }

    @Test
    void aStartedTaskCannotBeDequeuedButAQueuedOneStarts() {
        gateway.sendAndWait(new EnqueueTaskCommand("t1", "q1", null, null, AUDIT));
        gateway.sendAndWait(new MarkTaskStartedCommand("t1", false, null, null, AUDIT));
        assertThat((Object) gateway.sendAndWait(new DequeueTaskCommand("t1", null, null, null, AUDIT))).isNull();
    }

    @Test
    void enqueueToAnotherQueueMovesTheTaskAndKeepsItsFirstStatus() {
        gateway.sendAndWait(new io.xstore.api.queue.CreateQueueCommand("q2", "queue two", null, null, null, null,
                AUDIT));
        gateway.sendAndWait(new EnqueueTaskCommand("t1", "q2", null, null, AUDIT));
        String left = gateway.sendAndWait(new EnqueueTaskCommand("t1", "q1", null, null, AUDIT));

        assertThat(left).isEqualTo("q2");
        assertThat(events("q2")).contains(new QueueEntryRemovedEvent("q2", "t1", AUDIT));
        assertThat(events("q1")).contains(new QueueEntryAddedEvent("q1", "t1", T0, AUDIT));
        TaskDequeuedEvent dequeued = gateway.sendAndWait(new DequeueTaskCommand("t1", null, null, null, AUDIT));
        assertThat(dequeued.to()).isEqualTo(TaskStatus.CREATED);
        assertThat(dequeued.queueId()).isEqualTo("q1");
    }
}
