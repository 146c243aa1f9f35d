package io.xstore.command.task;

import io.xstore.api.task.CreateTaskCommand;
import io.xstore.api.task.TaskContent;
import io.xstore.api.task.TaskCreatedEvent;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.xstore.command.task.TaskFixtures.apiError;
import static io.xstore.command.task.TaskTestData.AUDIT;
import static io.xstore.command.task.TaskTestData.TASK;
import static io.xstore.command.task.TaskTestData.sdkCreate;

class TaskCreationTest {

    private FixtureConfiguration<TaskAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = TaskFixtures.fixture();
    }

    @Test
    void createRecordsTheContentWithDefaults() {
        fixture.givenNoPriorActivity()
                .when(new CreateTaskCommand(TASK, sdkCreate(), AUDIT))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(TASK)
                .expectEvents(TaskTestData.created());
    }

    @Test
    void nameIsTrimmed() {
        fixture.givenNoPriorActivity()
                .when(new CreateTaskCommand(TASK, sdkCreate().withName("  demo  "), AUDIT))
                .expectEvents(TaskTestData.created());
    }

    @Test
    void nameShorterThanThreeCharactersIsADataValidationError() {
        fixture.givenNoPriorActivity()
                .when(new CreateTaskCommand(TASK, sdkCreate().withName(" ab "), AUDIT))
                .expectNoEvents()
                .expectException(apiError(400, 800));
    }

    @Test
    void unknownTypeIsAValidationError() {
        TaskContent c = sdkCreate();
        fixture.givenNoPriorActivity()
                .when(new CreateTaskCommand(TASK, new TaskContent(c.name(), "gardening", null, null, null, null, null,
                        null, null, null, null, null, null, null, null), AUDIT))
                .expectException(apiError(400, 12));
    }

    @Test
    void unknownProjectIsAnInvalidProjectId() {
        fixture.givenNoPriorActivity()
                .when(new CreateTaskCommand(TASK, sdkCreate().withProject("nope"), AUDIT))
                .expectException(apiError(400, 401));
    }

    @Test
    void scriptGetsTheDefaultBinary() {
        TaskContent c = sdkCreate();
        TaskContent withScript = new TaskContent(c.name(), c.type(), c.comment(), c.project(), null, null,
                c.systemTags(), Map.of("repository", "git@x", "branch", "main"), null, null, null, null, null, null,
                null);
        fixture.givenNoPriorActivity()
                .when(new CreateTaskCommand(TASK, withScript, AUDIT))
                .expectEvents(new TaskCreatedEvent(TASK, TaskTestData.withDefaults(new TaskContent(c.name(),
                        c.type(), c.comment(), c.project(), null, null, c.systemTags(),
                        Map.of("repository", "git@x", "branch", "main", "binary", "python"), null, null, null, null,
                        null, null, null)), null, AUDIT));
    }
}
