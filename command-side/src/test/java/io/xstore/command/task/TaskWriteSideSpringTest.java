package io.xstore.command.task;

import io.xstore.command.AggregateCaches;
import io.xstore.command.TempEventLogConfig;
import io.xstore.api.task.TaskCreatedEvent;
import io.xstore.api.task.TaskEditedEvent;
import io.xstore.api.task.TaskStartedEvent;
import io.xstore.protocol.ApiException;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import java.util.List;
import java.util.Map;

import static io.xstore.command.task.TaskWriteSide.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The task write side as the server wires it: Axon on Spring Boot, the file event log, Jackson serializers, the
 * aggregate cache and the reference-checking command handler from {@link TaskWriteConfiguration}.
 */
@SpringBootTest(classes = TaskWriteSideSpringTest.WriteSide.class, properties = {
        "axon.axonserver.enabled=false", "axon.update-check.disabled=true",
        "axon.serializer.general=jackson", "axon.serializer.events=jackson", "axon.serializer.messages=jackson"})
class TaskWriteSideSpringTest {

    @Configuration
    @EnableAutoConfiguration
    @Import({TempEventLogConfig.class, AggregateCaches.class})
    @ComponentScan(basePackageClasses = TaskAggregate.class)
    static class WriteSide {
    }

    @Autowired
    private TasksWriteEndpoints tasks;
    @Autowired
    private EventStore eventStore;

    @Test
    @SuppressWarnings("unchecked")
    void eventsAreStoredAsJsonAndTheAggregateReloads() {
        String id = (String) ((Map<String, Object>) tasks.create(call("tasks.create", "{\"name\": \"spring\","
                + " \"type\": \"training\", \"hyperparams\": {\"Args\": {\"a.b\": {\"value\": \"1\"}}}}"))).get("id");
        tasks.started(call("tasks.started", "{\"task\": \"" + id + "\"}"));
        tasks.edit(call("tasks.edit", "{\"task\": \"" + id + "\", \"force\": true, \"runtime\": {\"progress\": 5}}"));

        List<Object> events = eventStore.readEvents(id).asStream().map(EventMessage::getPayload)
                .map(Object.class::cast).toList();
        assertThat(events).hasExactlyElementsOfTypes(TaskCreatedEvent.class, TaskStartedEvent.class,
                TaskEditedEvent.class);
        assertThat(((TaskEditedEvent) events.get(2)).changes().runtime()).isEqualTo(Map.of("progress", 5));
    }

    @Test
    void clientErrorsComeOutOfTheGatewayAsApiExceptions() {
        assertThatThrownBy(() -> tasks.stopped(call("tasks.stopped", "{\"task\": \"missing\"}")))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.subcode()).isEqualTo(101));
        assertThatThrownBy(() -> tasks.create(call("tasks.create", "{\"name\": \"x\", \"type\": \"training\"}")))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.subcode()).isEqualTo(800));
    }
}
