package io.xstore.server.config;

import io.xstore.command.events.MetricEventsCleanup;
import io.xstore.command.project.ProjectNamesProjector;
import io.xstore.command.queue.QueueNamesProjector;
import io.xstore.projection.history.HistoryIndexProjection;
import io.xstore.projection.processing.EventFeed;
import io.xstore.projection.processing.ProjectorPositions;
import io.xstore.projection.processing.ProjectorProgress;
import io.xstore.projection.processing.ProjectorSettings;
import io.xstore.projection.processing.StreamingProjector;
import io.xstore.projection.store.ReadModelStore;
import io.xstore.server.files.FileCleanupEvents;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

import java.util.Set;

/**
 * The MongoDB projections share one {@link StreamingProjector}: batches folded per document, one position to wait on,
 * kept in MongoDB beside the read models so a restart resumes where they stand. The side-effect groups (deleting
 * metric events, files) get a projector each that starts at the head of the store and is never replayed. The
 * project-name and queue-name lookups the command side validates with stay subscribing processors inside each
 * command.
 */
@Configuration
public class EventProcessingConfig {

    public static final String READ_MODELS = "read-models";
    /** Groups that act on the world (delete metric events, files) rather than build read models. */
    static final Set<String> SIDE_EFFECTS = Set.of(MetricEventsCleanup.PROCESSING_GROUP,
            FileCleanupEvents.PROCESSING_GROUP);

    /** The command side's set-based lookups, kept in the command's own unit of work. */
    static final Set<String> COMMAND_LOOKUPS = Set.of(ProjectNamesProjector.PROCESSING_GROUP,
            QueueNamesProjector.PROCESSING_GROUP);

    /** Whether the handlers of a processing group build read models (replayed), as every group but the above does. */
    public static boolean buildsReadModels(String group) {
        return !COMMAND_LOOKUPS.contains(group) && !SIDE_EFFECTS.contains(group);
    }

    @Autowired
    void configure(EventProcessingConfigurer configurer, ObjectProvider<EventFeed> feed,
                   ObjectProvider<ReadModelStore> store, ObjectProvider<ProjectorPositions> positions,
                   ObjectProvider<ProjectorProgress> progress) {
        configurer.assignProcessingGroup(group -> COMMAND_LOOKUPS.contains(group)
                || SIDE_EFFECTS.contains(group) ? group : READ_MODELS);
        // Axon's default logs a failing handler and skips its event; a projector must retry it instead
        configurer.registerDefaultListenerInvocationErrorHandler(axon -> PropagatingErrorHandler.instance());
        configurer.registerEventProcessor(READ_MODELS, (name, axon, invoker) -> {
            HistoryIndexProjection.replayIfIndexMissing(store.getObject().database(), positions.getObject(), name);
            return new StreamingProjector(name, invoker, feed.getObject(), store.getObject(), positions.getObject(),
                    progress.getObject(), ProjectorSettings.readModel());
        });
        for (String group : SIDE_EFFECTS) {
            configurer.registerEventProcessor(group, (name, axon, invoker) -> new StreamingProjector(name, invoker,
                    feed.getObject(), store.getObject(), positions.getObject(), progress.getObject(),
                    ProjectorSettings.sideEffects()));
        }
    }
}
