package io.xstore.command.task;

import io.xstore.api.task.MarkTaskCompletedCommand;
import io.xstore.api.task.MarkTaskFailedCommand;
import io.xstore.api.task.MarkTaskStartedCommand;
import io.xstore.api.task.MarkTaskStoppedCommand;
import io.xstore.api.task.PublishTaskCommand;
import io.xstore.api.task.StopTaskCommand;
import io.xstore.api.task.TaskStatus;
import io.xstore.api.task.TaskAbortedEvent;
import io.xstore.api.task.TaskCompletedEvent;
import io.xstore.api.task.TaskFailedEvent;
import io.xstore.api.task.TaskPublishedEvent;
import io.xstore.api.task.TaskResumedEvent;
import io.xstore.api.task.TaskStartedEvent;
import io.xstore.api.task.TaskStopRequestedEvent;
import io.xstore.api.task.TaskStoppedEvent;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.xstore.api.task.TaskStatus.COMPLETED;
import static io.xstore.api.task.TaskStatus.CREATED;
import static io.xstore.api.task.TaskStatus.FAILED;
import static io.xstore.api.task.TaskStatus.IN_PROGRESS;
import static io.xstore.api.task.TaskStatus.PUBLISHED;
import static io.xstore.api.task.TaskStatus.QUEUED;
import static io.xstore.api.task.TaskStatus.STOPPED;
import static io.xstore.command.task.TaskFixtures.apiError;
import static io.xstore.command.task.TaskTestData.LATER;
import static io.xstore.command.task.TaskTestData.OTHER_COMPANY;
import static io.xstore.command.task.TaskTestData.TASK;
import static io.xstore.command.task.TaskTestData.created;
import static io.xstore.command.task.TaskTestData.started;
import static io.xstore.command.task.TaskTestData.statusChanged;
import static org.junit.jupiter.api.Assertions.assertEquals;

class TaskStatusTransitionTest {

    private FixtureConfiguration<TaskAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = TaskFixtures.fixture();
    }

    @Test
    void startedMovesACreatedTaskToInProgressAndSetsStarted() {
        fixture.given(created())
                .when(new MarkTaskStartedCommand(TASK, false, null, null, LATER))
                .expectEvents(new TaskStartedEvent(TASK, CREATED, "", "", false, LATER));
    }

    @Test
    void startedAgainKeepsTheFirstStartTime() {
        fixture.given(created(), started())
                .when(new MarkTaskStartedCommand(TASK, false, null, null, LATER))
                .expectEvents(new TaskResumedEvent(TASK, IN_PROGRESS, "", "", false, LATER));
    }

    @Test
    void completedRunRecordsCompletionAndActiveDuration() {
        fixture.given(created(), started())
                .when(new MarkTaskCompletedCommand(TASK, false, "completed", null, false, LATER))
                .expectEvents(new TaskCompletedEvent(TASK, IN_PROGRESS, "completed", "", 600, false,
                        LATER));
    }

    @Test
    void completedWithPublishAlsoPublishes() {
        fixture.given(created(), started())
                .when(new MarkTaskCompletedCommand(TASK, false, null, null, true, LATER))
                .expectEvents(
                        new TaskCompletedEvent(TASK, IN_PROGRESS, "", "", 600, false, LATER),
                        new TaskPublishedEvent(TASK, COMPLETED, "", "", 0, false, LATER));
    }

    @Test
    void completingATaskThatNeverRanIsAnInvalidStatusChange() {
        fixture.given(created())
                .when(new MarkTaskCompletedCommand(TASK, false, null, null, false, LATER))
                .expectNoEvents()
                .expectException(apiError(400, 110));
    }

    @Test
    void forceSkipsTheTransitionCheck() {
        fixture.given(created())
                .when(new MarkTaskCompletedCommand(TASK, true, null, null, false, LATER))
                .expectEvents(new TaskCompletedEvent(TASK, CREATED, "", "", 0, true, LATER));
    }

    @Test
    void failedKeepsTheReason() {
        fixture.given(created(), started())
                .when(new MarkTaskFailedCommand(TASK, false, "Exception ValueError", null, LATER))
                .expectEvents(new TaskFailedEvent(TASK, IN_PROGRESS, "Exception ValueError", "", 600,
                        false, LATER));
    }

    @Test
    void stoppedSetsCompleted() {
        fixture.given(created(), started())
                .when(new MarkTaskStoppedCommand(TASK, false, null, null, LATER))
                .expectEvents(new TaskStoppedEvent(TASK, IN_PROGRESS, "", "", 600, false, LATER));
    }

    @Test
    void publishingACompletedTaskSetsPublished() {
        fixture.given(created(), statusChanged(CREATED, COMPLETED))
                .when(new PublishTaskCommand(TASK, false, null, null, LATER))
                .expectEvents(new TaskPublishedEvent(TASK, COMPLETED, "", "", 0, false, LATER));
    }

    @Test
    void publishingARunningTaskIsRefused() {
        fixture.given(created(), started())
                .when(new PublishTaskCommand(TASK, false, null, null, LATER))
                .expectException(apiError(400, 110));
    }

    @Test
    void aPublishedTaskCannotBeRestarted() {
        fixture.given(created(), statusChanged(CREATED, PUBLISHED))
                .when(new MarkTaskStartedCommand(TASK, false, null, null, LATER))
                .expectException(apiError(400, 110));
    }

    @Test
    void aPublishedTaskCanBeRestartedWithForce() {
        fixture.given(created(), statusChanged(CREATED, PUBLISHED))
                .when(new MarkTaskStartedCommand(TASK, true, null, null, LATER))
                .expectEvents(new TaskStartedEvent(TASK, PUBLISHED, "", "", true, LATER));
    }

    @Test
    void stopOfADevelopmentTaskStopsItAtOnce() {
        fixture.given(created(), started())
                .when(new StopTaskCommand(TASK, false, "abort request", null, true, LATER))
                .expectEvents(new TaskAbortedEvent(TASK, IN_PROGRESS, "abort request", "Stopped by Jane",
                        600, false, LATER));
    }

    @Test
    void stopOfATaskRunByALiveWorkerOnlyAsksItToStop() {
        fixture.given(TaskTestData.createdWithScript(), started())
                .when(new StopTaskCommand(TASK, false, null, null, true, LATER))
                .expectEvents(new TaskStopRequestedEvent(TASK, IN_PROGRESS, "", "stopping", false, LATER));
    }

    @Test
    void stopOfAQueuedTaskStopsIt() {
        fixture.given(TaskTestData.createdWithScript(), statusChanged(CREATED, QUEUED))
                .when(new StopTaskCommand(TASK, false, null, null, true, LATER))
                .expectEvents(new TaskAbortedEvent(TASK, QUEUED, "", "Stopped by Jane", 0, false, LATER));
    }

    @Test
    void anUnknownStatusLeavesOnlyByForce() {
        fixture.given(created(), statusChanged(CREATED, TaskStatus.UNKNOWN))
                .when(new MarkTaskStoppedCommand(TASK, false, null, null, LATER))
                .expectException(apiError(400, 110));
    }

    @Test
    void anotherCompanysTaskIsAnInvalidTaskId() {
        fixture.given(created())
                .when(new MarkTaskStartedCommand(TASK, false, null, null, OTHER_COMPANY))
                .expectNoEvents()
                .expectException(apiError(400, 101));
    }

    @Test
    void everyAllowedTransitionOfTheStateMachineIsAccepted() {
        List<TaskStatus[]> allowed = List.of(
                new TaskStatus[]{CREATED, QUEUED}, new TaskStatus[]{QUEUED, STOPPED},
                new TaskStatus[]{STOPPED, PUBLISHED}, new TaskStatus[]{FAILED, QUEUED},
                new TaskStatus[]{COMPLETED, IN_PROGRESS}, new TaskStatus[]{TaskStatus.CLOSED, TaskStatus.PUBLISHING},
                new TaskStatus[]{TaskStatus.PUBLISHING, PUBLISHED});
        for (TaskStatus[] pair : allowed) {
            assertEquals(true, TaskStatusMachine.allows(pair[0], pair[1]), pair[0] + "→" + pair[1]);
        }
        assertEquals(false, TaskStatusMachine.allows(PUBLISHED, CREATED));
        assertEquals(false, TaskStatusMachine.allows(COMPLETED, STOPPED));
    }
}
