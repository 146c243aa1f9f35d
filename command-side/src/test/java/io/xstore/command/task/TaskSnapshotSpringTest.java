package io.xstore.command.task;

import io.xstore.command.AggregateCaches;
import io.xstore.command.AggregateFactories;
import io.xstore.command.TempEventLogConfig;
import io.xstore.command.eventstore.FileEventStorageEngine;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import java.util.Map;

import static io.xstore.command.task.TaskWriteSide.call;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Task snapshots as the server takes them (every {@code xstore.command.task-snapshot-threshold} events): the stored
 * snapshot holds exactly the state that applying the task's events up to it gives.
 */
@SpringBootTest(classes = TaskSnapshotSpringTest.WriteSide.class, properties = {
        "axon.axonserver.enabled=false", "axon.update-check.disabled=true",
        "axon.serializer.general=jackson", "axon.serializer.events=jackson", "axon.serializer.messages=jackson",
        "xstore.command.task-snapshot-threshold=10"})
class TaskSnapshotSpringTest {

    @Configuration
    @EnableAutoConfiguration
    @Import({TempEventLogConfig.class, AggregateCaches.class, AggregateFactories.class})
    @ComponentScan(basePackageClasses = TaskAggregate.class)
    static class WriteSide {
    }

    @Autowired
    private TasksWriteEndpoints tasks;
    @Autowired
    private FileEventStorageEngine engine;
    @Autowired
    @Qualifier("serializer")
    private Serializer serializer;
    @Autowired
    private ParameterResolverFactory parameters;
    @Autowired
    private HandlerDefinition handlers;

    @Test
    @SuppressWarnings("unchecked")
    void theSnapshotHoldsTheStateTheEventsGive() {
        String id = (String) ((Map<String, Object>) tasks.create(call("tasks.create", "{\"name\": \"snap\","
                + " \"type\": \"training\", \"tags\": [\"b\", \"a\"], \"hyperparams\": {\"Args\": {\"lr\": "
                + "{\"section\": \"Args\", \"name\": \"lr\", \"value\": \"0.1\"}}}, \"execution\": {\"artifacts\": "
                + "[{\"key\": \"data\", \"mode\": \"input\", \"uri\": \"s3://x\"}]}, \"script\": {\"branch\": "
                + "\"main\"}}"))).get("id");
        for (int i = 0; i < 25; i++) {
            tasks.edit(call("tasks.edit", "{\"task\": \"" + id + "\", \"comment\": \"round " + i + "\", \"runtime\": "
                    + "{\"step\": " + i + "}, \"tags\": [\"t" + (i % 3) + "\"]}"));
        }
        tasks.started(call("tasks.started", "{\"task\": \"" + id + "\"}"));

        DomainEventMessage<?> snapshot = engine.readSnapshot(id).orElseThrow();
        assertThat(snapshot.getPayload()).isInstanceOf(TaskAggregate.class);
        long at = snapshot.getSequenceNumber();
        assertThat(at).isGreaterThanOrEqualTo(9);

        EventSourcedAggregate<TaskAggregate> replayed = EventSourcedAggregate.initialize(new TaskAggregate(),
                AnnotatedAggregateMetaModelFactory.inspectAggregate(TaskAggregate.class, parameters, handlers), null,
                NoSnapshotTriggerDefinition.TRIGGER);
        replayed.initializeState(DomainEventStream.of(engine.readEvents(id, 0).asStream()
                .filter(event -> event.getSequenceNumber() <= at)));

        assertThat(json(snapshot.getPayload())).isEqualTo(json(replayed.getAggregateRoot()))
                .contains("\"round ").contains("s3://x").contains("\"lr\"");
    }

    private String json(Object aggregate) {
        return serializer.serialize(aggregate, String.class).getData();
    }
}
