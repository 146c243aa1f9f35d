package io.xstore.command;

import io.xstore.command.project.ProjectNamesProjector;
import io.xstore.command.queue.QueueNamesProjector;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.stream.Stream;

/**
 * Fills the in-memory name registries of the command side (project names, queue names) from the project and queue
 * events of the store, in one pass, once, before any command is handled. The pass reads the whole store, so it runs
 * on its own thread from the moment this bean exists, beside the rest of the start, and
 * {@link #afterSingletonsInstantiated()} (before any listener opens) waits for it.
 */
@Component
public class NameRegistriesLoader implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(NameRegistriesLoader.class);
    private static final String PROJECT_EVENTS = "io.xstore.api.project.";
    private static final String QUEUE_EVENTS = "io.xstore.api.queue.";

    private final EventStorageEngine events;
    private final ProjectNamesProjector projects;
    private final QueueNamesProjector queues;

    private final FutureTask<Void> loading = new FutureTask<>(this::load, null);

    public NameRegistriesLoader(EventStorageEngine events, ProjectNamesProjector projects,
                                QueueNamesProjector queues) {
        this.events = events;
        this.projects = projects;
        this.queues = queues;
        Thread loader = new Thread(loading, "xstore-name-registries");
        loader.setDaemon(true);
        loader.start();
    }

    @Override
    public void afterSingletonsInstantiated() {
        try {
            loading.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading the project and queue names", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException("cannot load the project and queue names", e.getCause());
        }
    }

    private void load() {
        AnnotationEventHandlerAdapter projectHandlers = new AnnotationEventHandlerAdapter(projects);
        AnnotationEventHandlerAdapter queueHandlers = new AnnotationEventHandlerAdapter(queues);
        long started = System.nanoTime();
        int[] applied = {0};
        try (Stream<? extends TrackedEventMessage<?>> stream = events.readEvents(null, false)) {
            stream.forEach(event -> {
                String type = event.getPayloadType().getName();
                if (type.startsWith(PROJECT_EVENTS)) {
                    apply(projectHandlers, event, applied, false);
                } else if (type.startsWith(QUEUE_EVENTS)) {
                    apply(queueHandlers, event, applied, true);
                }
            });
        }
        log.info("project and queue names loaded from {} events in {} ms", applied[0],
                (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * A queue name taken twice in the store (possible before queue names were checked in the unit of work) is logged
     * and skipped: the first queue keeps the name. A project name conflict stops the start, as it always did.
     */
    private static void apply(AnnotationEventHandlerAdapter handlers, EventMessage<?> event, int[] applied,
                              boolean lenient) {
        if (!handlers.canHandle(event)) {
            return;
        }
        try {
            handlers.handle(event);
            applied[0]++;
        } catch (Exception e) {
            if (lenient) {
                log.warn("name registry: {} skipped ({})", event.getPayloadType().getSimpleName(), e.getMessage());
                return;
            }
            throw new IllegalStateException("cannot load the names from " + event.getPayloadType(), e);
        }
    }
}
