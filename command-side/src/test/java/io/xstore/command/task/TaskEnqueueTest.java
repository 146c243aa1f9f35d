package io.xstore.command.task;

import io.xstore.api.task.StopTaskCommand;
import io.xstore.api.task.TaskAbortedEvent;
import io.xstore.api.task.TaskDequeuedEvent;
import io.xstore.api.task.TaskEnqueuedEvent;
import io.xstore.api.task.TaskSystemTagsChangedEvent;
import io.xstore.api.task.UpdateTaskTagsCommand;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.xstore.api.task.TaskStatus.FAILED;
import static io.xstore.api.task.TaskStatus.QUEUED;
import static io.xstore.command.task.TaskTestData.AUDIT;
import static io.xstore.command.task.TaskTestData.LATER;
import static io.xstore.command.task.TaskTestData.TASK;
import static io.xstore.command.task.TaskTestData.created;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The task's state after its queue events (docs/api/queues.md); the commands that make them are tested through the
 * coordinator (TaskQueueCoordinatorTest), which changes task and queue together.
 */
class TaskEnqueueTest {

    private FixtureConfiguration<TaskAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = TaskFixtures.fixture();
    }

    @Test
    void anEnqueuedTaskIsQueuedInItsQueue() {
        fixture.given(created(), new TaskSystemTagsChangedEvent(TASK, List.of(), AUDIT),
                        new TaskEnqueuedEvent(TASK, FAILED, "q1", "", "", false, AUDIT))
                .when(new UpdateTaskTagsCommand(TASK, null, null, LATER))
                .expectNoEvents()
                .expectState(task -> {
                    assertEquals(QUEUED, task.status());
                    assertEquals("q1", task.queue());
                });
    }

    @Test
    void aDequeuedTaskIsBackInItsStatusAndInNoQueue() {
        fixture.given(created(), new TaskEnqueuedEvent(TASK, FAILED, "q1", "", "", false, AUDIT),
                        new TaskDequeuedEvent(TASK, QUEUED, FAILED, "q1", "", "", true, AUDIT))
                .when(new UpdateTaskTagsCommand(TASK, null, null, LATER))
                .expectState(task -> {
                    assertEquals(FAILED, task.status());
                    assertNull(task.queue());
                });
    }

    @Test
    void stoppingAQueuedTaskStopsItAtOnce() {
        fixture.given(created(), new TaskEnqueuedEvent(TASK, FAILED, "q1", "", "", false, AUDIT))
                .when(new StopTaskCommand(TASK, false, "", "", true, LATER))
                .expectEvents(new TaskAbortedEvent(TASK, QUEUED, "", "Stopped by Jane", 0, false, LATER));
    }
}
