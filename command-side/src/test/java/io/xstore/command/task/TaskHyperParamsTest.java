package io.xstore.command.task;

import io.xstore.api.task.DeleteTaskConfigurationCommand;
import io.xstore.api.task.DeleteTaskHyperParamsCommand;
import io.xstore.api.task.EditTaskConfigurationCommand;
import io.xstore.api.task.EditTaskHyperParamsCommand;
import io.xstore.api.task.HyperParamRef;
import io.xstore.api.task.TaskConfigurationEditedEvent;
import io.xstore.api.task.TaskHyperParamsDeletedEvent;
import io.xstore.api.task.TaskHyperParamsEditedEvent;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.xstore.api.task.TaskStatus.COMPLETED;
import static io.xstore.api.task.TaskStatus.CREATED;
import static io.xstore.command.task.TaskFixtures.apiError;
import static io.xstore.command.task.TaskTestData.LATER;
import static io.xstore.command.task.TaskTestData.TASK;
import static io.xstore.command.task.TaskTestData.created;
import static io.xstore.command.task.TaskTestData.started;
import static io.xstore.command.task.TaskTestData.statusChanged;
import static org.junit.jupiter.api.Assertions.assertEquals;

class TaskHyperParamsTest {

    private static final Map<String, Object> LR = Map.of("section", "Args", "name", "lr", "value", "0.1",
            "type", "float");
    private static final Map<String, Object> OWNER = Map.of("section", "properties", "name", "owner",
            "value", "me", "type", "str");

    private FixtureConfiguration<TaskAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = TaskFixtures.fixture();
    }

    @Test
    void parametersOfACreatedTaskCanBeEdited() {
        fixture.given(created())
                .when(new EditTaskHyperParamsCommand(TASK, List.of(LR), "none", false, LATER))
                .expectEvents(new TaskHyperParamsEditedEvent(TASK, List.of(LR), "none", LATER));
    }

    @Test
    void parametersOfARunningTaskNeedForce() {
        fixture.given(created(), started())
                .when(new EditTaskHyperParamsCommand(TASK, List.of(LR), "none", false, LATER))
                .expectException(apiError(400, 110));
    }

    @Test
    void parametersOfARunningTaskCanBeEditedWithForce() {
        fixture.given(created(), started())
                .when(new EditTaskHyperParamsCommand(TASK, List.of(LR), "none", true, LATER))
                .expectEvents(new TaskHyperParamsEditedEvent(TASK, List.of(LR), "none", LATER));
    }

    @Test
    void parametersOfACompletedTaskCannotBeEditedEvenWithForce() {
        fixture.given(created(), statusChanged(CREATED, COMPLETED))
                .when(new EditTaskHyperParamsCommand(TASK, List.of(LR), "none", true, LATER))
                .expectException(apiError(400, 110));
    }

    @Test
    void userPropertiesCanBeEditedInAnyStatus() {
        fixture.given(created(), statusChanged(CREATED, COMPLETED))
                .when(new EditTaskHyperParamsCommand(TASK, List.of(OWNER), "none", false, LATER))
                .expectEvents(new TaskHyperParamsEditedEvent(TASK, List.of(OWNER), "none", LATER));
    }

    @Test
    void replacingAllParametersIsNotAPropertiesOnlyEdit() {
        fixture.given(created(), statusChanged(CREATED, COMPLETED))
                .when(new EditTaskHyperParamsCommand(TASK, List.of(OWNER), "all", false, LATER))
                .expectException(apiError(400, 110));
    }

    @Test
    void deletingAMissingParameterDeletesNothing() {
        fixture.given(created())
                .when(new DeleteTaskHyperParamsCommand(TASK, List.of(new HyperParamRef("Args", "lr")), false, LATER))
                .expectNoEvents()
                .expectResultMessagePayload(false);
    }

    @Test
    void deletingASectionRemovesItsParameters() {
        fixture.given(created(), new TaskHyperParamsEditedEvent(TASK, List.of(LR), "none", LATER))
                .when(new DeleteTaskHyperParamsCommand(TASK, List.of(new HyperParamRef("Args", null)), false, LATER))
                .expectEvents(new TaskHyperParamsDeletedEvent(TASK, List.of(new HyperParamRef("Args", null)), LATER))
                .expectState(task -> assertEquals(Map.of(), task.state().content().hyperparams()));
    }

    @Test
    void replacingASectionKeepsTheOtherSections() {
        Map<String, Object> batch = Map.of("section", "General", "name", "batch", "value", "32");
        Map<String, Object> epochs = Map.of("section", "Args", "name", "epochs", "value", "3");
        fixture.given(created(), new TaskHyperParamsEditedEvent(TASK, List.of(LR, batch), "none", LATER))
                .when(new EditTaskHyperParamsCommand(TASK, List.of(epochs), "section", false, LATER))
                .expectState(task -> assertEquals(Map.of("Args", Map.of("epochs", epochs),
                        "General", Map.of("batch", batch)), task.state().content().hyperparams()));
    }

    @Test
    void configurationOfACreatedTaskCanBeEdited() {
        Map<String, Object> item = Map.of("name", "General", "value", "{}", "type", "dictionary");
        fixture.given(created())
                .when(new EditTaskConfigurationCommand(TASK, List.of(item), false, false, LATER))
                .expectEvents(new TaskConfigurationEditedEvent(TASK, List.of(item), false, LATER));
    }

    @Test
    void configurationOfACompletedTaskCannotBeDeleted() {
        fixture.given(created(), statusChanged(CREATED, COMPLETED))
                .when(new DeleteTaskConfigurationCommand(TASK, List.of("General"), true, LATER))
                .expectException(apiError(400, 110));
    }
}
