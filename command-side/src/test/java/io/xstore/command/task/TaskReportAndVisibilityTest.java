package io.xstore.command.task;

import io.xstore.api.task.CheckReportCommand;
import io.xstore.api.task.HandOutTaskCommand;
import io.xstore.api.task.MakeTaskPrivateCommand;
import io.xstore.api.task.MakeTaskPublicCommand;
import io.xstore.api.task.TaskContent;
import io.xstore.api.task.TaskCreatedEvent;
import io.xstore.api.task.TaskEnqueuedEvent;
import io.xstore.api.task.TaskMadePrivateEvent;
import io.xstore.api.task.TaskMadePublicEvent;
import io.xstore.api.task.TaskReportChangedEvent;
import io.xstore.api.task.TaskStatus;
import io.xstore.api.task.TaskTagsChangedEvent;
import io.xstore.api.task.UpdateReportCommand;
import io.xstore.api.task.UpdateTaskTagsCommand;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.xstore.command.task.TaskFixtures.apiError;
import static io.xstore.command.task.TaskTestData.AUDIT;
import static io.xstore.command.task.TaskTestData.LATER;
import static io.xstore.command.task.TaskTestData.OTHER_COMPANY;
import static io.xstore.command.task.TaskTestData.PROJECT;
import static io.xstore.command.task.TaskTestData.TASK;
import static io.xstore.command.task.TaskTestData.created;
import static io.xstore.command.task.TaskTestData.statusChanged;
import static io.xstore.command.task.TaskTestData.withDefaults;

/** Reports (docs/api/reports.md), public tasks (docs/api/visibility.md) and handing a popped task out. */
class TaskReportAndVisibilityTest {

    private FixtureConfiguration<TaskAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = TaskFixtures.fixture();
    }

    private static TaskCreatedEvent report() {
        return new TaskCreatedEvent(TASK, withDefaults(new TaskContent("weekly", "report", "", PROJECT, null, null,
                List.of("reports", "hidden"), null, null, null, null, null, null, null, null)), null, AUDIT);
    }

    @Test
    void aReportUpdateIsOneEventPerChangedIntent() {
        fixture.given(report())
                .when(new UpdateReportCommand(TASK, null, List.of("x"), null, "# Week", LATER))
                .expectEvents(new TaskTagsChangedEvent(TASK, List.of("x"), LATER),
                        new TaskReportChangedEvent(TASK, "# Week", LATER))
                .expectResultMessagePayload(true);
    }

    @Test
    void aPublishedReportKeepsItsMarkdown() {
        fixture.given(report(), statusChanged(TaskStatus.CREATED, TaskStatus.PUBLISHED))
                .when(new UpdateReportCommand(TASK, null, null, null, "# Changed", LATER))
                .expectException(apiError(400, 110));
    }

    @Test
    void reportOperationsOnAnotherTypeAreRefused() {
        fixture.given(created())
                .when(new CheckReportCommand(TASK, LATER))
                .expectException(apiError(400, 150));
    }

    @Test
    void aPublicTaskBelongsToNoCompanyUntilItsOriginMakesItPrivate() {
        fixture.given(created())
                .when(new MakeTaskPublicCommand(TASK, LATER))
                .expectEvents(new TaskMadePublicEvent(TASK, "company1", LATER));
        fixture.given(created(), new TaskMadePublicEvent(TASK, "company1", AUDIT))
                .when(new UpdateTaskTagsCommand(TASK, List.of("a"), null, LATER))
                .expectException(apiError(403, 21)); // no_write_permission
        fixture.given(created(), new TaskMadePublicEvent(TASK, "company1", AUDIT))
                .when(new MakeTaskPrivateCommand(TASK, OTHER_COMPANY))
                .expectException(apiError(400, 101));
        fixture.given(created(), new TaskMadePublicEvent(TASK, "company1", AUDIT))
                .when(new MakeTaskPrivateCommand(TASK, LATER))
                .expectEvents(new TaskMadePrivateEvent(TASK, "company1", LATER));
    }

    @Test
    void aStoppedTaskHandedOutByItsQueueIsQueuedAgainAnythingElseIsLeftAlone() {
        fixture.given(created(), statusChanged(TaskStatus.CREATED, TaskStatus.STOPPED))
                .when(new HandOutTaskCommand(TASK, "q1", "w1", LATER))
                .expectEvents(new TaskEnqueuedEvent(TASK, TaskStatus.STOPPED, "q1", "", "handed out to w1", true,
                        LATER));
        fixture.given(created(), new TaskEnqueuedEvent(TASK, TaskStatus.CREATED, "q1", "", "", false, AUDIT))
                .when(new HandOutTaskCommand(TASK, "q1", "w1", LATER))
                .expectNoEvents();
    }
}
