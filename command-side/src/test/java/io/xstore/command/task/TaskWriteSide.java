package io.xstore.command.task;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xstore.api.AuditEntry;
import io.xstore.api.task.RecordTaskPingCommand;
import io.xstore.api.task.TaskCreatedEvent;
import io.xstore.command.model.ModelAggregate;
import io.xstore.command.model.TaskModelCleanup;
import io.xstore.command.model.TaskModelUsage;
import io.xstore.command.project.InMemoryProjectNames;
import io.xstore.command.project.ProjectNames;
import io.xstore.protocol.ApiVersion;
import io.xstore.protocol.CallContext;
import io.xstore.protocol.Caller;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The task write side on a real (in-memory) Axon configuration, driven through {@link TasksWriteEndpoints} as the
 * dispatcher would. Ping and model publishing are recorded instead of reaching a read model / model aggregate.
 */
final class TaskWriteSide {

    static final ObjectMapper JSON = new ObjectMapper();

    final Configuration axon;
    final TasksWriteEndpoints endpoints;
    final TaskContentEndpoints content;
    final TaskRemovalEndpoints removal;
    final List<String> publishedModels = new ArrayList<>();
    final Set<String> liveWorkerTasks = new HashSet<>();

    TaskWriteSide() {
        TaskFixtures.KnownProjects projects = new TaskFixtures.KnownProjects(Set.of(TaskTestData.PROJECT,
                "project2"));
        axon = DefaultConfigurer.defaultConfiguration()
                .configureSerializer(c -> JacksonSerializer.defaultSerializer())
                .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine())
                .configureAggregate(TaskAggregate.class)
                .registerCommandHandler(c -> new TaskCommandHandler(c.repository(TaskAggregate.class), projects))
                .configureAggregate(ModelAggregate.class)
                .registerComponent(ProjectNames.class, c -> new InMemoryProjectNames())
                .registerCommandHandler(c -> new TaskModelCleanup(c.repository(TaskAggregate.class),
                        c.repository(ModelAggregate.class), TaskModelUsage.NONE))
                .registerCommandHandler(c -> new PingRecorder(this))
                .buildConfiguration();
        axon.start();
        content = new TaskContentEndpoints(axon.commandGateway());
        removal = new TaskRemovalEndpoints(axon.commandGateway(), (task, audit) -> { }, PipelineSteps.NONE);
        endpoints = new TasksWriteEndpoints(axon.commandGateway(), projects,
                (model, audit) -> publishedModels.add(model),
                (task, company) -> liveWorkerTasks.contains(task));
    }

    void stop() {
        axon.shutdown();
    }

    static CallContext call(String endpoint, String json) {
        return call(endpoint, json, TaskTestData.COMPANY);
    }

    static CallContext call(String endpoint, String json, String company) {
        try {
            ObjectNode body = (ObjectNode) JSON.readTree(json);
            return new CallContext(UUID.randomUUID().toString().replace("-", ""), endpoint, ApiVersion.parse("2.23"),
                    new Caller("user1", "Jane", company, "Company", "user"), body, null, "worker-1", "127.0.0.1",
                    Instant.now());
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    List<Object> events(String taskId) {
        return axon.eventStore().readEvents(taskId).asStream().map(EventMessage::getPayload)
                .map(Object.class::cast).toList();
    }

    TaskCreatedEvent createdEvent(String taskId) {
        return (TaskCreatedEvent) events(taskId).get(0);
    }

    /** Answers like the projection's ping recorder: known = created through this write side, same company. */
    static final class PingRecorder {

        private final TaskWriteSide side;

        PingRecorder(TaskWriteSide side) {
            this.side = side;
        }

        @CommandHandler
        public boolean handle(RecordTaskPingCommand command) {
            List<Object> events = side.events(command.taskId());
            if (events.isEmpty()) {
                return false;
            }
            AuditEntry creator = ((TaskCreatedEvent) events.get(0)).audit();
            return creator.companyId().equals(command.audit().companyId());
        }
    }
}
