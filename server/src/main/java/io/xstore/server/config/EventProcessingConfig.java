package io.xstore.server.config;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/**
 * Every projection runs in a tracking processor: it resumes from its stored token after a crash, and can be reset to
 * replay the whole store. Batches keep the per-event token writes down during a replay.
 */
@Configuration
public class EventProcessingConfig {

    @Autowired
    void configure(EventProcessingConfigurer configurer) {
        configurer.usingTrackingEventProcessors();
        configurer.registerTrackingEventProcessorConfiguration(config ->
                TrackingEventProcessorConfiguration.forSingleThreadedProcessing().andBatchSize(100));
    }
}
