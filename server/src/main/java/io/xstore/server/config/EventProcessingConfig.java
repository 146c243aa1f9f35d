package io.xstore.server.config;

import io.xstore.command.project.ProjectNamesProjector;
import io.xstore.projection.replay.ProjectionPositions;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/**
 * The MongoDB projections share one tracking processor: it resumes from its stored token after a crash and can be
 * reset to replay the whole store, and one processor means one token write per batch and one position for
 * read-your-writes to wait on. Groups the command side keeps for itself (set-based validation) stay apart, and so do
 * the side-effect groups (deleting metric events, files): they start at the head of the store, are never replayed,
 * and retry a failed event instead of skipping it.
 */
@Configuration
public class EventProcessingConfig {

    static final String READ_MODELS = "read-models";

    @Autowired
    void configure(EventProcessingConfigurer configurer) {
        configurer.assignProcessingGroup(group -> ProjectNamesProjector.PROCESSING_GROUP.equals(group)
                || ProjectionPositions.SIDE_EFFECT_PROCESSORS.contains(group) ? group : READ_MODELS);
        configurer.usingTrackingEventProcessors();
        configurer.registerTrackingEventProcessorConfiguration(config ->
                TrackingEventProcessorConfiguration.forSingleThreadedProcessing().andBatchSize(100));
        for (String group : ProjectionPositions.SIDE_EFFECT_PROCESSORS) {
            configurer.registerTrackingEventProcessorConfiguration(group, config ->
                    TrackingEventProcessorConfiguration.forSingleThreadedProcessing().andBatchSize(20)
                            .andInitialTrackingToken(StreamableMessageSource::createHeadToken));
            configurer.registerListenerInvocationErrorHandler(group, config -> PropagatingErrorHandler.instance());
        }
    }
}
