package io.xstore.command.task;

import io.xstore.api.task.EditTaskCommand;
import io.xstore.api.task.MoveTaskCommand;
import io.xstore.api.task.SetTaskRequirementsCommand;
import io.xstore.api.task.TaskContent;
import io.xstore.api.task.TaskCommentChangedEvent;
import io.xstore.api.task.TaskEditedEvent;
import io.xstore.api.task.TaskHyperParamsReplacedEvent;
import io.xstore.api.task.TaskMovedEvent;
import io.xstore.api.task.TaskRenamedEvent;
import io.xstore.api.task.TaskTagsChangedEvent;
import io.xstore.api.task.TaskRequirementsSetEvent;
import io.xstore.api.task.TaskStatusMessageSetEvent;
import io.xstore.api.task.UpdateTaskCommand;
import io.xstore.api.task.UpdateTaskTagsCommand;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.xstore.api.task.TaskStatus.CREATED;
import static io.xstore.api.task.TaskStatus.PUBLISHED;
import static io.xstore.command.task.TaskFixtures.apiError;
import static io.xstore.command.task.TaskTestData.LATER;
import static io.xstore.command.task.TaskTestData.OTHER_COMPANY;
import static io.xstore.command.task.TaskTestData.TASK;
import static io.xstore.command.task.TaskTestData.created;
import static io.xstore.command.task.TaskTestData.createdWithScript;
import static io.xstore.command.task.TaskTestData.started;
import static io.xstore.command.task.TaskTestData.statusChanged;

class TaskEditRulesTest {

    private FixtureConfiguration<TaskAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = TaskFixtures.fixture();
    }

    private static TaskContent script(Map<String, Object> script) {
        return new TaskContent(null, null, null, null, null, null, null, script, null, null, null, null, null, null,
                null);
    }

    private static TaskContent hyperparams(Map<String, Object> hyperparams) {
        return new TaskContent(null, null, null, null, null, null, null, null, null, hyperparams, null, null, null,
                null, null);
    }

    @Test
    void editOfACreatedTaskRecordsOnlyWhatChanged() {
        fixture.given(created())
                .when(new EditTaskCommand(TASK, TaskContent.none().withName("demo").withComment("new"), null, false,
                        LATER))
                .expectEvents(new TaskCommentChangedEvent(TASK, "new", LATER));
    }

    @Test
    void editThatChangesNothingRecordsNothing() {
        fixture.given(created())
                .when(new EditTaskCommand(TASK, TaskContent.none().withName("demo"), null, false, LATER))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void editOfARunningTaskNeedsForce() {
        fixture.given(created(), started())
                .when(new EditTaskCommand(TASK, TaskContent.none().withComment("x"), null, false, LATER))
                .expectException(apiError(400, 110));
    }

    @Test
    void forcedEditOfARunningTaskIsAccepted() {
        fixture.given(created(), started())
                .when(new EditTaskCommand(TASK, hyperparams(Map.of("Args", Map.of())), null, true, LATER))
                .expectEvents(new TaskHyperParamsReplacedEvent(TASK, Map.of("Args", Map.of()), LATER));
    }

    @Test
    void editOfAPublishedTaskWithoutForceIsRefused() {
        fixture.given(created(), statusChanged(CREATED, PUBLISHED))
                .when(new EditTaskCommand(TASK, TaskContent.none().withComment("x"), null, false, LATER))
                .expectException(apiError(400, 110));
    }

    @Test
    void scriptIsMergedOneLevelDeep() {
        fixture.given(createdWithScript())
                .when(new EditTaskCommand(TASK, script(Map.of("branch", "dev", "repository", "git@x")), null, false,
                        LATER))
                .expectEvents(new TaskEditedEvent(TASK, script(Map.of("branch", "dev")), LATER));
    }

    @Test
    void aFirstScriptGetsTheDefaultBinary() {
        fixture.given(created())
                .when(new EditTaskCommand(TASK, script(Map.of("repository", "git@x")), null, false, LATER))
                .expectEvents(new TaskEditedEvent(TASK, script(Map.of("repository", "git@x", "binary", "python")),
                        LATER));
    }

    @Test
    void editToAShortNameIsADataValidationError() {
        fixture.given(created())
                .when(new EditTaskCommand(TASK, TaskContent.none().withName("x "), null, false, LATER))
                .expectException(apiError(400, 800));
    }

    @Test
    void editToAnUnknownProjectIsAnInvalidProjectId() {
        fixture.given(created())
                .when(new EditTaskCommand(TASK, TaskContent.none().withProject("nope"), null, true, LATER))
                .expectException(apiError(400, 401));
    }

    @Test
    void editOfAnotherCompanysTaskIsAnInvalidTaskId() {
        fixture.given(created())
                .when(new EditTaskCommand(TASK, TaskContent.none().withComment("x"), null, true, OTHER_COMPANY))
                .expectException(apiError(400, 101));
    }

    @Test
    void editWithAStatusChangesTheStatus() {
        fixture.given(created())
                .when(new EditTaskCommand(TASK, TaskContent.none(), PUBLISHED, true, LATER))
                .expectEvents(new io.xstore.api.task.TaskStatusSetEvent(TASK, CREATED, PUBLISHED, "", "", 0,
                        true, LATER));
    }

    @Test
    void updateWorksInAnyStatus() {
        fixture.given(created(), statusChanged(CREATED, PUBLISHED))
                .when(new UpdateTaskCommand(TASK, "renamed", null, null, null, null, "note", "boom", LATER))
                .expectEvents(
                        new TaskRenamedEvent(TASK, "renamed", LATER),
                        new TaskEditedEvent(TASK, TaskContent.none().withOutput(Map.of("error", "boom")), LATER),
                        new TaskStatusMessageSetEvent(TASK, "note", LATER));
    }

    @Test
    void moveChangesTheProject() {
        fixture.given(created())
                .when(new MoveTaskCommand(TASK, "project2", LATER))
                .expectEvents(new TaskMovedEvent(TASK, "project2", LATER));
    }

    @Test
    void moveToTheSameProjectChangesNothing() {
        fixture.given(created())
                .when(new MoveTaskCommand(TASK, "project1", LATER))
                .expectNoEvents();
    }

    @Test
    void moveToAnUnknownProjectIsRefused() {
        fixture.given(created())
                .when(new MoveTaskCommand(TASK, "nope", LATER))
                .expectException(apiError(400, 401));
    }

    @Test
    void updateTagsAddsAndRemoves() {
        fixture.given(created(), new TaskTagsChangedEvent(TASK, List.of("a", "b"), LATER))
                .when(new UpdateTaskTagsCommand(TASK, List.of("c"), List.of("a"), LATER))
                .expectEvents(new TaskTagsChangedEvent(TASK, List.of("b", "c"), LATER));
    }

    @Test
    void requirementsNeedAScript() {
        fixture.given(created())
                .when(new SetTaskRequirementsCommand(TASK, Map.of("pip", "numpy"), LATER))
                .expectException(apiError(400, 122));
    }

    @Test
    void requirementsCanBeSetWhileRunning() {
        fixture.given(createdWithScript(), started())
                .when(new SetTaskRequirementsCommand(TASK, Map.of("pip", "numpy"), LATER))
                .expectEvents(new TaskRequirementsSetEvent(TASK, Map.of("pip", "numpy"), LATER));
    }
}
