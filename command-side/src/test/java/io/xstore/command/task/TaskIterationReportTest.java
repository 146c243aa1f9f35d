package io.xstore.command.task;

import io.xstore.api.task.ReportTaskIterationCommand;
import io.xstore.api.task.TaskIterationReportedEvent;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.xstore.api.task.TaskStatus.CREATED;
import static io.xstore.api.task.TaskStatus.PUBLISHED;
import static io.xstore.command.task.TaskFixtures.apiError;
import static io.xstore.command.task.TaskTestData.LATER;
import static io.xstore.command.task.TaskTestData.OTHER_COMPANY;
import static io.xstore.command.task.TaskTestData.TASK;
import static io.xstore.command.task.TaskTestData.created;
import static io.xstore.command.task.TaskTestData.statusChanged;

class TaskIterationReportTest {

    private FixtureConfiguration<TaskAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = TaskFixtures.fixture();
    }

    @Test
    void aReportedIterationIsRecorded() {
        fixture.given(created())
                .when(new ReportTaskIterationCommand(TASK, 12, LATER))
                .expectEvents(new TaskIterationReportedEvent(TASK, 12, LATER));
    }

    @Test
    void iterationsAreReportedInAnyStatus() {
        fixture.given(created(), statusChanged(CREATED, PUBLISHED))
                .when(new ReportTaskIterationCommand(TASK, 3, LATER))
                .expectEvents(new TaskIterationReportedEvent(TASK, 3, LATER));
    }

    @Test
    void anotherCompanysTaskIsAnInvalidTaskId() {
        fixture.given(created())
                .when(new ReportTaskIterationCommand(TASK, 3, OTHER_COMPANY))
                .expectException(apiError(400, 101));
    }
}
