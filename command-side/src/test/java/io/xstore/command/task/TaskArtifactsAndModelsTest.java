package io.xstore.command.task;

import io.xstore.api.task.AddOrUpdateTaskArtifactsCommand;
import io.xstore.api.task.AddOrUpdateTaskModelCommand;
import io.xstore.api.task.ArtifactKey;
import io.xstore.api.task.DeleteTaskArtifactsCommand;
import io.xstore.api.task.DeleteTaskModelsCommand;
import io.xstore.api.task.TaskArtifactsAddedOrUpdatedEvent;
import io.xstore.api.task.TaskArtifactsDeletedEvent;
import io.xstore.api.task.TaskModelAttachedEvent;
import io.xstore.api.task.TaskModelEntry;
import io.xstore.api.task.TaskModelRef;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.xstore.api.task.TaskStatus.COMPLETED;
import static io.xstore.api.task.TaskStatus.CREATED;
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

class TaskArtifactsAndModelsTest {

    private static final Map<String, Object> DATA_V1 = Map.of("key", "data", "mode", "output", "uri", "v1");
    private static final Map<String, Object> DATA_V2 = Map.of("key", "data", "mode", "output", "uri", "v2");
    private static final Map<String, Object> DATA_INPUT = Map.of("key", "data", "mode", "input", "uri", "in");

    private FixtureConfiguration<TaskAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = TaskFixtures.fixture();
    }

    @Test
    void artifactsOfACreatedTaskCanBeAdded() {
        fixture.given(created())
                .when(new AddOrUpdateTaskArtifactsCommand(TASK, List.of(DATA_V1), false, LATER))
                .expectEvents(new TaskArtifactsAddedOrUpdatedEvent(TASK, List.of(DATA_V1), LATER));
    }

    @Test
    void artifactsOfARunningTaskNeedForce() {
        fixture.given(created(), started())
                .when(new AddOrUpdateTaskArtifactsCommand(TASK, List.of(DATA_V1), false, LATER))
                .expectException(apiError(400, 110));
    }

    @Test
    void artifactsOfARunningTaskCanBeAddedWithForce() {
        fixture.given(created(), started())
                .when(new AddOrUpdateTaskArtifactsCommand(TASK, List.of(DATA_V1), true, LATER))
                .expectEvents(new TaskArtifactsAddedOrUpdatedEvent(TASK, List.of(DATA_V1), LATER));
    }

    @Test
    void artifactsOfACompletedTaskCannotBeChanged() {
        fixture.given(created(), statusChanged(CREATED, COMPLETED))
                .when(new AddOrUpdateTaskArtifactsCommand(TASK, List.of(DATA_V1), true, LATER))
                .expectException(apiError(400, 110));
    }

    @Test
    void artifactsAreUpsertedByKeyAndMode() {
        fixture.given(created(), new TaskArtifactsAddedOrUpdatedEvent(TASK, List.of(DATA_V1, DATA_INPUT), AUDIT))
                .when(new AddOrUpdateTaskArtifactsCommand(TASK, List.of(DATA_V2), false, LATER))
                .expectState(task -> assertEquals(List.of(DATA_V2, DATA_INPUT), task.state().artifactList()));
    }

    @Test
    void deletingAnArtifactRemovesOnlyThatMode() {
        fixture.given(created(), new TaskArtifactsAddedOrUpdatedEvent(TASK, List.of(DATA_V1, DATA_INPUT), AUDIT))
                .when(new DeleteTaskArtifactsCommand(TASK, List.of(new ArtifactKey("data", "output"),
                        new ArtifactKey("missing", "output")), false, LATER))
                .expectEvents(new TaskArtifactsDeletedEvent(TASK, List.of(new ArtifactKey("data", "output")), LATER))
                .expectResultMessagePayload(1)
                .expectState(task -> assertEquals(List.of(DATA_INPUT), task.state().artifactList()));
    }

    @Test
    void aModelIsAttachedWhileRunning() {
        fixture.given(created(), started())
                .when(new AddOrUpdateTaskModelCommand(TASK, "output", "model.pt", "m1", 7, LATER))
                .expectEvents(new TaskModelAttachedEvent(TASK, "output", new TaskModelEntry("model.pt", "m1", T1), 7,
                        LATER));
    }

    @Test
    void aModelCannotBeAttachedToACompletedTask() {
        fixture.given(created(), statusChanged(CREATED, COMPLETED))
                .when(new AddOrUpdateTaskModelCommand(TASK, "output", "model.pt", "m1", null, LATER))
                .expectException(apiError(400, 110));
    }

    @Test
    void modelsAreUpsertedByNameWithinTheirType() {
        fixture.given(created(),
                        new TaskModelAttachedEvent(TASK, "output", new TaskModelEntry("best", "m1", T0), null, AUDIT),
                        new TaskModelAttachedEvent(TASK, "input", new TaskModelEntry("best", "m0", T0), null, AUDIT))
                .when(new AddOrUpdateTaskModelCommand(TASK, "output", "best", "m2", null, LATER))
                .expectState(task -> {
                    assertEquals(List.of(new TaskModelEntry("best", "m2", T1)),
                            task.state().content().models().output());
                    assertEquals(List.of(new TaskModelEntry("best", "m0", T0)),
                            task.state().content().models().input());
                });
    }

    @Test
    void deletingModelsRemovesTheNamedEntries() {
        fixture.given(created(),
                        new TaskModelAttachedEvent(TASK, "output", new TaskModelEntry("best", "m1", T0), null, AUDIT))
                .when(new DeleteTaskModelsCommand(TASK, List.of(new TaskModelRef("best", "output"),
                        new TaskModelRef("best", "input")), LATER))
                .expectResultMessagePayload(1)
                .expectState(task -> assertEquals(List.of(), task.state().content().models().output()));
    }
}
