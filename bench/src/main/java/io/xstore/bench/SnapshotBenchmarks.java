package io.xstore.bench;

import io.xstore.command.eventstore.FileEventStorageEngine;
import io.xstore.command.task.TaskAggregate;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.AggregateFactory;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Loading a task aggregate with a long history ({@code snapshotEvents} metrics summaries after its creation) with an
 * empty aggregate cache: built from all its events, and from the snapshot the server took (on the first command after
 * the history was appended, per {@code xstore.command.task-snapshot-threshold}) plus the events after it.
 */
final class SnapshotBenchmarks {

    static final int LOADS = 20;

    private final EmbeddedServer server;
    private final BenchApi api;

    SnapshotBenchmarks(EmbeddedServer server, BenchApi api) {
        this.server = server;
        this.api = api;
    }

    List<Measurement> loads(TaskHistories histories, int metricEvents) throws IOException, InterruptedException {
        FileEventStorageEngine engine = server.bean(FileEventStorageEngine.class);
        EventStore eventStore = server.bean(EventStore.class);
        @SuppressWarnings("unchecked")
        AggregateFactory<TaskAggregate> factory = (AggregateFactory<TaskAggregate>) server.bean(
                AggregateFactory.class, "taskAggregateAggregateFactory");
        AggregateModel<TaskAggregate> model = AnnotatedAggregateMetaModelFactory.inspectAggregate(TaskAggregate.class,
                server.bean(ParameterResolverFactory.class), server.bean(HandlerDefinition.class));

        String taskId = "bench-snapshot-" + UUID.randomUUID().toString().replace("-", "");
        engine.appendEvents(histories.createdThenMetrics(taskId, metricEvents, Instant.now().minusSeconds(3600)));
        XstoreBench.progress("task " + taskId + " with " + metricEvents + " metric events appended");

        Measurement fromEvents = measure(String.format("TaskAggregate load, %,d events, from events (no cache)",
                metricEvents + 1), () -> engine.readEvents(taskId, 0), factory, model, metricEvents);

        // a command on the task: loaded from its events, it passes the threshold and is snapshotted after the commit
        api.call("tasks.edit", Map.of("task", taskId, "comment", "snapshot me"));
        DomainEventMessage<?> snapshot = engine.readSnapshot(taskId).orElseThrow(() -> new IllegalStateException(
                "no snapshot of " + taskId + " after a command on " + (metricEvents + 1) + " events"));
        XstoreBench.progress("snapshot of " + taskId + " at sequence " + snapshot.getSequenceNumber());

        Measurement fromSnapshot = measure(String.format("TaskAggregate load, %,d events, from snapshot (no cache)",
                metricEvents + 2), () -> eventStore.readEvents(taskId), factory, model, metricEvents + 1);
        return List.of(fromEvents, fromSnapshot);
    }

    private static Measurement measure(String name, Supplier<DomainEventStream> events,
                                       AggregateFactory<TaskAggregate> factory, AggregateModel<TaskAggregate> model,
                                       long expectedVersion) {
        for (int i = 0; i < 3; i++) {
            load(events, factory, model, expectedVersion);
        }
        long[] latencies = new long[LOADS];
        long started = System.nanoTime();
        for (int i = 0; i < LOADS; i++) {
            long t0 = System.nanoTime();
            load(events, factory, model, expectedVersion);
            latencies[i] = System.nanoTime() - t0;
        }
        return new Measurement(name, "loads/s", 1, LOADS, 1, System.nanoTime() - started,
                Measurement.sorted(latencies), false);
    }

    private static void load(Supplier<DomainEventStream> events, AggregateFactory<TaskAggregate> factory,
                             AggregateModel<TaskAggregate> model, long expectedVersion) {
        DomainEventStream stream = events.get();
        DomainEventMessage<?> first = stream.peek();
        TaskAggregate root = factory.createAggregateRoot(first.getAggregateIdentifier(), first);
        EventSourcedAggregate<TaskAggregate> aggregate = EventSourcedAggregate.initialize(root, model, null,
                NoSnapshotTriggerDefinition.TRIGGER);
        aggregate.initializeState(stream);
        if (aggregate.version() == null || aggregate.version() < expectedVersion) {
            throw new IllegalStateException("loaded " + first.getAggregateIdentifier() + " at version "
                    + aggregate.version() + ", expected " + expectedVersion);
        }
    }
}
