package io.xstore.command.model;

import io.xstore.api.AuditEntry;
import io.xstore.api.model.CreateModelCommand;
import io.xstore.api.model.DeleteModelWithLinksCommand;
import io.xstore.api.model.ModelDeletedEvent;
import io.xstore.api.model.ModelEditedEvent;
import io.xstore.api.model.ModelFields;
import io.xstore.api.model.ModelTaskUnsetEvent;
import io.xstore.api.task.CreateTaskCommand;
import io.xstore.api.task.DeleteTaskWithModelsCommand;
import io.xstore.api.task.TaskContent;
import io.xstore.api.task.TaskDeletedEvent;
import io.xstore.api.task.TaskEditedEvent;
import io.xstore.api.task.TaskModelEntry;
import io.xstore.api.task.TaskModels;
import io.xstore.command.project.InMemoryProjectNames;
import io.xstore.command.project.ProjectNames;
import io.xstore.command.task.ProjectDirectory;
import io.xstore.command.task.TaskAggregate;
import io.xstore.command.task.TaskCommandHandler;
import io.xstore.command.task.TaskCleanupResult;
import io.xstore.protocol.ApiException;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The task-and-model command handler on a real (in-memory) Axon configuration: what one delete does to each
 * aggregate, all with the audit of the originating call (docs/api/behaviour-rules.md §4, §6).
 */
class TaskModelCleanupTest {

    private static final String COMPANY = "company-1";
    private static final AuditEntry SETUP = new AuditEntry("user1", "Jane", COMPANY, Instant.EPOCH, "setup");
    private static final AuditEntry DELETE = new AuditEntry("user1", "Jane", COMPANY, Instant.EPOCH, "delete-call");

    private final Map<String, List<String>> modelsByTask = new HashMap<>();
    private final Map<String, List<String>> inputUsers = new HashMap<>();
    private final Map<String, List<String>> children = new HashMap<>();
    private final Configuration axon = DefaultConfigurer.defaultConfiguration()
            .configureSerializer(c -> JacksonSerializer.defaultSerializer())
            .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine())
            .configureAggregate(TaskAggregate.class)
            .configureAggregate(ModelAggregate.class)
            .registerComponent(ProjectNames.class, c -> new InMemoryProjectNames())
            .registerCommandHandler(c -> new TaskCommandHandler(c.repository(TaskAggregate.class),
                    new ProjectDirectory() {
                        @Override
                        public boolean exists(String projectId, String company) {
                            return true;
                        }

                        @Override
                        public String findOrCreate(String name, AuditEntry audit) {
                            throw new UnsupportedOperationException(name);
                        }
                    }))
            .registerCommandHandler(c -> new TaskModelCleanup(c.repository(TaskAggregate.class),
                    c.repository(ModelAggregate.class), new TaskModelUsage() {
                        @Override
                        public List<String> modelsOfTask(String taskId, String company) {
                            return modelsByTask.getOrDefault(taskId, List.of());
                        }

                        @Override
                        public List<String> childrenOf(String taskId, String company) {
                            return children.getOrDefault(taskId, List.of());
                        }

                        @Override
                        public List<String> tasksWithInputModel(String modelId, String company) {
                            return inputUsers.getOrDefault(modelId, List.of());
                        }
                    }))
            .buildConfiguration();

    TaskModelCleanupTest() {
        axon.start();
    }

    @AfterEach
    void stop() {
        axon.shutdown();
    }

    @Test
    void deletingATaskDeletesDraftsRepointsPublishedModelsAndReparentsChildrenUnderOneCallId() {
        String task = task("task", null, null);
        String child = task("child", task, null);
        String draft = model(task, false);
        String published = model(task, true);
        children.put(task, List.of(child));
        modelsByTask.put(task, List.of(draft, published));

        TaskCleanupResult result = axon.commandGateway().sendAndWait(new DeleteTaskWithModelsCommand(task, true,
                true, true, DELETE));

        assertThat(result.deletedModels()).isEqualTo(1);
        assertThat(result.updatedModels()).isEqualTo(1);
        assertThat(result.updatedChildren()).isEqualTo(1);
        assertThat(last(draft)).isInstanceOf(ModelDeletedEvent.class);
        assertThat(((ModelEditedEvent) last(published)).fields().task()).isEqualTo("__DELETED__" + task);
        assertThat(((TaskEditedEvent) last(child)).changes().parent()).isEqualTo("__DELETED__" + task);
        assertThat(last(task)).isInstanceOf(TaskDeletedEvent.class);
        for (String id : List.of(task, child, draft, published)) {
            assertThat(callId(last(id))).as(id).isEqualTo("delete-call");
        }
    }

    @Test
    void aDraftModelUsedAsInputElsewhereLosesItsTaskInsteadOfGoing() {
        String task = task("task", null, null);
        String draft = model(task, false);
        modelsByTask.put(task, List.of(draft));
        inputUsers.put(draft, List.of("another-task"));

        TaskCleanupResult result = axon.commandGateway().sendAndWait(new DeleteTaskWithModelsCommand(task, false,
                true, true, DELETE));

        assertThat(result.deletedModels()).isZero();
        assertThat(last(draft)).isInstanceOf(ModelTaskUnsetEvent.class);
    }

    @Test
    void aRefusedDeleteChangesNothing() {
        String task = task("task", null, null);
        String published = model(task, true);
        modelsByTask.put(task, List.of(published));
        int before = events(task).size();

        assertThatThrownBy(() -> axon.commandGateway().sendAndWait(new DeleteTaskWithModelsCommand(task, false, true,
                true, DELETE)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.subcode()).isEqualTo(123));

        assertThat(events(task)).hasSize(before);
        assertThat(events(published)).allSatisfy(e -> assertThat(callId(e)).isEqualTo("setup"));
    }

    @Test
    void deletingAModelUsedAsInputNeedsForceThenMarksTheEntries() {
        String model = model(null, true);
        String user = task("user", null, model);
        inputUsers.put(model, List.of(user));

        assertThatThrownBy(() -> axon.commandGateway().sendAndWait(new DeleteModelWithLinksCommand(model, COMPANY,
                false, DELETE)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.subcode()).isEqualTo(205));
        axon.commandGateway().sendAndWait(new DeleteModelWithLinksCommand(model, COMPANY, true, DELETE));

        TaskEditedEvent edited = (TaskEditedEvent) last(user);
        assertThat(edited.changes().models().input().get(0).model()).isEqualTo("__DELETED__" + model);
        assertThat(callId(edited)).isEqualTo("delete-call");
        assertThat(last(model)).isInstanceOf(ModelDeletedEvent.class);
    }

    private String task(String name, String parent, String inputModel) {
        String id = name + "-" + System.nanoTime();
        TaskContent content = new TaskContent(name + " task", "training", null, null, parent, null, null, null,
                null, null, null,
                inputModel == null ? null : new TaskModels(List.of(new TaskModelEntry("in", inputModel,
                        Instant.EPOCH)), List.of()), null, null, null);
        axon.commandGateway().sendAndWait(new CreateTaskCommand(id, content, SETUP));
        return id;
    }

    private String model(String task, boolean ready) {
        String id = "model-" + System.nanoTime();
        axon.commandGateway().sendAndWait(new CreateModelCommand(id, COMPANY, new ModelFields("model " + id,
                "file:///tmp/" + id, null, null, null, null, null, null, task, null, null, ready, null, null, null),
                SETUP));
        return id;
    }

    private List<Object> events(String aggregateId) {
        List<Object> events = new ArrayList<>();
        axon.eventStore().readEvents(aggregateId).asStream().map(EventMessage::getPayload).forEach(events::add);
        return events;
    }

    private Object last(String aggregateId) {
        List<Object> events = events(aggregateId);
        return events.get(events.size() - 1);
    }

    private static String callId(Object event) {
        try {
            AuditEntry audit = (AuditEntry) event.getClass().getMethod("audit").invoke(event);
            return audit.callId();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
