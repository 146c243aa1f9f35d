package io.xstore.command.task;

import io.xstore.api.task.ReparentUnderDeletedTaskCommand;
import io.xstore.api.task.TaskContent;
import io.xstore.api.task.TaskEditedEvent;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.xstore.command.task.TaskFixtures.apiError;
import static io.xstore.command.task.TaskTestData.LATER;
import static io.xstore.command.task.TaskTestData.OTHER_COMPANY;
import static io.xstore.command.task.TaskTestData.TASK;

/** An imported task whose parent was deleted on the source keeps the parent in the deleted form (behaviour §4). */
class TaskReparentUnderDeletedTest {

    private static final String GONE = "deadbeefdeadbeefdeadbeefdeadbeef";

    private FixtureConfiguration<TaskAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = TaskFixtures.fixture();
    }

    @Test
    void theParentBecomesTheDeletedFormOfTheGivenId() {
        fixture.given(TaskTestData.created())
                .when(new ReparentUnderDeletedTaskCommand(TASK, GONE, LATER))
                .expectEvents(new TaskEditedEvent(TASK, TaskContent.none().withParent("__DELETED__" + GONE), LATER));
    }

    @Test
    void anotherCompanysTaskIsNotFound() {
        fixture.given(TaskTestData.created())
                .when(new ReparentUnderDeletedTaskCommand(TASK, GONE, OTHER_COMPANY))
                .expectNoEvents()
                .expectException(apiError(400, 101));
    }
}
