package io.xstore.command.project;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/**
 * Runs {@link ProjectNamesProjector} in a subscribing processor (in the command's own unit of work) whose errors
 * propagate to the command, so a duplicate name rolls the command back before its events are stored.
 */
@Configuration
public class ProjectNamesConfiguration {

    @Autowired
    public void configureProcessor(EventProcessingConfigurer processing) {
        processing.registerSubscribingEventProcessor(ProjectNamesProjector.PROCESSING_GROUP)
                .registerListenerInvocationErrorHandler(ProjectNamesProjector.PROCESSING_GROUP,
                        configuration -> PropagatingErrorHandler.instance());
    }
}
