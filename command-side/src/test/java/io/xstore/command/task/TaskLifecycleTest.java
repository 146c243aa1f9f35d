package io.xstore.command.task;

import io.xstore.api.task.ArchiveTaskCommand;
import io.xstore.api.task.DeleteTaskCommand;
import io.xstore.api.task.MarkTaskStartedCommand;
import io.xstore.api.task.ResetTaskCommand;
import io.xstore.api.task.TaskArchivedEvent;
import io.xstore.api.task.TaskArtifactsAddedOrUpdatedEvent;
import io.xstore.api.task.TaskDeletedEvent;
import io.xstore.api.task.TaskModelAttachedEvent;
import io.xstore.api.task.TaskModelEntry;
import io.xstore.api.task.TaskOutputFilesReleasedEvent;
import io.xstore.api.task.TaskResetEvent;
import io.xstore.api.task.TaskStartedEvent;
import io.xstore.api.task.TaskStatusSetEvent;
import io.xstore.api.task.TaskStoppedEvent;
import io.xstore.api.task.TaskUnarchivedEvent;
import io.xstore.api.task.UnarchiveTaskCommand;
import org.axonframework.eventsourcing.AggregateDeletedException;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.xstore.api.task.TaskStatus.CREATED;
import static io.xstore.api.task.TaskStatus.IN_PROGRESS;
import static io.xstore.api.task.TaskStatus.PUBLISHED;
import static io.xstore.api.task.TaskStatus.QUEUED;
import static io.xstore.api.task.TaskStatus.STOPPED;
import static io.xstore.command.task.TaskFixtures.apiError;
import static io.xstore.command.task.TaskTestData.AUDIT;
import static io.xstore.command.task.TaskTestData.LATER;
import static io.xstore.command.task.TaskTestData.T0;
import static io.xstore.command.task.TaskTestData.T1;
import static io.xstore.command.task.TaskTestData.TASK;
import static io.xstore.command.task.TaskTestData.created;
import static io.xstore.command.task.TaskTestData.started;
import static io.xstore.command.task.TaskTestData.statusChanged;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class TaskLifecycleTest {

    private FixtureConfiguration<TaskAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = TaskFixtures.fixture();
    }

    @Test
    void resetReturnsARunningTaskToCreated() {
        fixture.given(created(), started())
                .when(new ResetTaskCommand(TASK, false, false, LATER))
                .expectEvents(new TaskResetEvent(TASK, IN_PROGRESS, false, LATER))
                .expectState(task -> assertEquals(CREATED, task.status()));
    }

    @Test
    void resetOfAPublishedTaskNeedsForce() {
        fixture.given(created(), statusChanged(CREATED, PUBLISHED))
                .when(new ResetTaskCommand(TASK, false, false, LATER))
                .expectException(apiError(400, 110));
    }

    @Test
    void resetOfAPublishedTaskWithForceIsAccepted() {
        fixture.given(created(), statusChanged(CREATED, PUBLISHED))
                .when(new ResetTaskCommand(TASK, true, false, LATER))
                .expectEvents(new TaskResetEvent(TASK, PUBLISHED, false, LATER));
    }

    @Test
    void resetKeepsInputArtifactsAndDropsOutputModels() {
        Map<String, Object> in = Map.of("key", "a", "mode", "input");
        Map<String, Object> out = Map.of("key", "b", "mode", "output");
        fixture.given(created(), new TaskArtifactsAddedOrUpdatedEvent(TASK, List.of(in, out), AUDIT),
                        new TaskModelAttachedEvent(TASK, "output", new TaskModelEntry("m", "m1", T0), null, AUDIT))
                .when(new ResetTaskCommand(TASK, false, false, LATER))
                .expectState(task -> {
                    assertEquals(List.of(in), task.state().artifactList());
                    assertEquals(List.of(), task.state().content().models().output());
                });
    }

    // behaviour §4 reset: the files of the output artifacts it drops are released for deletion, input ones are kept
    @Test
    void resetReleasesTheFilesOfTheOutputArtifactsItDrops() {
        Map<String, Object> in = Map.of("key", "a", "mode", "input", "uri", "http://files/in.bin");
        Map<String, Object> out = Map.of("key", "b", "mode", "output", "uri", "http://files/out.bin");
        fixture.given(created(), new TaskArtifactsAddedOrUpdatedEvent(TASK, List.of(in, out), AUDIT))
                .when(new ResetTaskCommand(TASK, false, false, LATER))
                .expectEvents(new TaskResetEvent(TASK, CREATED, false, LATER),
                        new TaskOutputFilesReleasedEvent(TASK, List.of("http://files/out.bin"), LATER));
    }

    @Test
    void resetStartsTheRunClockAgain() {
        fixture.given(created(), started(), new TaskResetEvent(TASK, IN_PROGRESS, false, AUDIT))
                .when(new MarkTaskStartedCommand(TASK, false, null, null, LATER))
                .expectEvents(new TaskStartedEvent(TASK, CREATED, "", "", false, LATER));
    }

    @Test
    void clearAllAlsoRemovesTheScript() {
        fixture.given(TaskTestData.createdWithScript())
                .when(new ResetTaskCommand(TASK, false, true, LATER))
                .expectState(task -> assertNull(task.state().content().script()));
    }

    @Test
    void archivingAQueuedTaskTakesItBackToCreated() {
        fixture.given(created(), statusChanged(CREATED, QUEUED))
                .when(new ArchiveTaskCommand(TASK, null, null, LATER))
                .expectEvents(new TaskStatusSetEvent(TASK, QUEUED, CREATED, "", "", 0, true, LATER),
                        new TaskArchivedEvent(TASK, null, null, LATER));
    }

    @Test
    void archivingARunningTaskStopsIt() {
        fixture.given(created(), started())
                .when(new ArchiveTaskCommand(TASK, null, null, LATER))
                .expectEvents(new TaskStoppedEvent(TASK, IN_PROGRESS, "", "", 600, true, LATER),
                        new TaskArchivedEvent(TASK, null, null, LATER));
    }

    @Test
    void archivingTwiceRecordsItOnce() {
        fixture.given(created(), new TaskArchivedEvent(TASK, null, null, AUDIT))
                .when(new ArchiveTaskCommand(TASK, null, null, LATER))
                .expectNoEvents();
    }

    @Test
    void unarchiveRemovesTheTag() {
        fixture.given(created(), new TaskArchivedEvent(TASK, null, null, AUDIT))
                .when(new UnarchiveTaskCommand(TASK, null, null, LATER))
                .expectEvents(new TaskUnarchivedEvent(TASK, null, null, LATER))
                .expectState(task -> assertEquals(List.of("development"), task.state().systemTags()));
    }

    @Test
    void aCreatedTaskCanBeDeleted() {
        fixture.given(created())
                .when(new DeleteTaskCommand(TASK, false, true, LATER))
                .expectEvents(new TaskDeletedEvent(TASK, CREATED, List.of(), LATER))
                .expectMarkedDeleted();
    }

    @Test
    void deletingATaskNamesItsArtifactFilesOnce() {
        Map<String, Object> csv = Map.of("key", "data", "mode", "output", "uri", "http://files:8081/p/t.1/data.csv");
        Map<String, Object> same = Map.of("key", "copy", "mode", "output", "uri", "http://files:8081/p/t.1/data.csv");
        Map<String, Object> noFile = Map.of("key", "inline", "mode", "output");
        fixture.given(created(), new TaskArtifactsAddedOrUpdatedEvent(TASK, List.of(csv, same, noFile), AUDIT))
                .when(new DeleteTaskCommand(TASK, false, true, LATER))
                .expectEvents(new TaskDeletedEvent(TASK, CREATED, List.of("http://files:8081/p/t.1/data.csv"), LATER));
    }

    @Test
    void deletingATaskWithoutExternalArtifactsLeavesItsFiles() {
        Map<String, Object> csv = Map.of("key", "data", "mode", "output", "uri", "http://files:8081/p/t.1/data.csv");
        fixture.given(created(), new TaskArtifactsAddedOrUpdatedEvent(TASK, List.of(csv), AUDIT))
                .when(new DeleteTaskCommand(TASK, false, false, LATER))
                .expectEvents(new TaskDeletedEvent(TASK, CREATED, List.of(), LATER));
    }

    @Test
    void aRunningTaskCannotBeDeletedWithoutForce() {
        fixture.given(created(), started())
                .when(new DeleteTaskCommand(TASK, false, true, LATER))
                .expectException(apiError(400, 123));
    }

    @Test
    void anArchivedTaskCanBeDeleted() {
        fixture.given(created(), statusChanged(CREATED, STOPPED), new TaskArchivedEvent(TASK, null, null, AUDIT))
                .when(new DeleteTaskCommand(TASK, false, true, LATER))
                .expectEvents(new TaskDeletedEvent(TASK, STOPPED, List.of(), LATER));
    }

    @Test
    void aDeletedTaskTakesNoMoreCommands() {
        fixture.given(created(), new TaskDeletedEvent(TASK, CREATED, List.of(), AUDIT))
                .when(new MarkTaskStartedCommand(TASK, false, null, null, LATER))
                .expectException(AggregateDeletedException.class);
    }
}
