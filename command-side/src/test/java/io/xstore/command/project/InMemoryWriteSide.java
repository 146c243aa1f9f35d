package io.xstore.command.project;

import io.xstore.command.model.ModelAggregate;
import io.xstore.command.model.TaskModelCleanup;
import io.xstore.command.model.TaskModelUsage;
import io.xstore.command.task.TaskAggregate;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import java.util.List;

/**
 * The project and model write side on Axon without Spring: in-memory event store, the name lookup kept by its
 * subscribing projector, and the orchestration services wired by hand.
 */
public class InMemoryWriteSide implements AutoCloseable {

    public final TestProjectNames names = new TestProjectNames();
    public final StaticListableBeanFactory beans = new StaticListableBeanFactory();
    private final Configuration configuration;
    public final CommandGateway commands;
    public final ProjectCreation creation;
    public final ProjectRelocation relocation;
    public final ProjectDeletion deletion;
    public final ProjectMerge merge;

    public InMemoryWriteSide() {
        configuration = DefaultConfigurer.defaultConfiguration()
                .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine())
                .configureAggregate(ProjectAggregate.class)
                .configureAggregate(ModelAggregate.class)
                .configureAggregate(TaskAggregate.class)
                .registerCommandHandler(c -> new TaskModelCleanup(c.repository(TaskAggregate.class),
                        c.repository(ModelAggregate.class), TaskModelUsage.NONE))
                .registerComponent(ProjectNames.class, c -> names)
                .eventProcessing(processing -> processing
                        .registerEventHandler(c -> new ProjectNamesProjector(names))
                        .registerSubscribingEventProcessor(ProjectNamesProjector.PROCESSING_GROUP)
                        .registerListenerInvocationErrorHandler(ProjectNamesProjector.PROCESSING_GROUP,
                                c -> PropagatingErrorHandler.instance()))
                .buildConfiguration();
        configuration.start();
        commands = configuration.commandGateway();
        creation = new ProjectCreation(commands, names);
        relocation = new ProjectRelocation(commands, names, creation);
        deletion = new ProjectDeletion(commands, names, relocation, beans.getBeanProvider(ProjectContents.class),
                beans.getBeanProvider(ProjectTaskOperations.class));
        merge = new ProjectMerge(commands, names, relocation, beans.getBeanProvider(ProjectContents.class),
                beans.getBeanProvider(ProjectTaskOperations.class));
    }

    /** Every event payload stored for one aggregate, oldest first. */
    public List<Object> events(String aggregateId) {
        return configuration.eventStore().readEvents(aggregateId).asStream().map(event -> (Object) event.getPayload()).toList();
    }

    @Override
    public void close() {
        configuration.shutdown();
    }
}
