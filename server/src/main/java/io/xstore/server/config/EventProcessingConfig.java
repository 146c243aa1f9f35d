package io.xstore.server.config;

import io.xstore.command.project.ProjectNamesProjector;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/**
 * The MongoDB projections share one tracking processor: it resumes from its stored token after a crash and can be
 * reset to replay the whole store, and one processor means one token write per batch and one position for
 * read-your-writes to wait on. Groups the command side keeps for itself (set-based validation) stay apart.
 */
@Configuration
public class EventProcessingConfig {

    static final String READ_MODELS = "read-models";

    @Autowired
    void configure(EventProcessingConfigurer configurer) {
        configurer.assignProcessingGroup(group -> ProjectNamesProjector.PROCESSING_GROUP.equals(group)
                ? group : READ_MODELS);
        configurer.usingTrackingEventProcessors();
        configurer.registerTrackingEventProcessorConfiguration(config ->
                TrackingEventProcessorConfiguration.forSingleThreadedProcessing().andBatchSize(100));
    }
}
