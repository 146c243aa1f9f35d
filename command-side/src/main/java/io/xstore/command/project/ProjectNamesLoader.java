package io.xstore.command.project;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

import java.util.stream.Stream;

/** Fills {@link InMemoryProjectNames} from the project events of the store, once, before any command is handled. */
@Component
public class ProjectNamesLoader implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(ProjectNamesLoader.class);
    private static final String PROJECT_EVENTS = "io.xstore.api.project.";

    private final EventStorageEngine events;
    private final ProjectNamesProjector projector;

    public ProjectNamesLoader(EventStorageEngine events, ProjectNamesProjector projector) {
        this.events = events;
        this.projector = projector;
    }

    @Override
    public void afterSingletonsInstantiated() {
        AnnotationEventHandlerAdapter handlers = new AnnotationEventHandlerAdapter(projector);
        long started = System.nanoTime();
        int[] applied = {0};
        try (Stream<? extends TrackedEventMessage<?>> stream = events.readEvents(null, false)) {
            stream.filter(event -> event.getPayloadType().getName().startsWith(PROJECT_EVENTS))
                    .forEach(event -> apply(handlers, event, applied));
        }
        log.info("project names loaded from {} project events in {} ms", applied[0],
                (System.nanoTime() - started) / 1_000_000);
    }

    private static void apply(AnnotationEventHandlerAdapter handlers, EventMessage<?> event, int[] applied) {
        if (handlers.canHandle(event)) {
            try {
                handlers.handle(event);
                applied[0]++;
            } catch (Exception e) {
                throw new IllegalStateException("cannot load the project names from " + event.getPayloadType(), e);
            }
        }
    }
}
