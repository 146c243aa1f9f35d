package io.xstore.command.project;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.context.annotation.Configuration;

/**
 * Runs {@link ProjectNamesProjector} in a subscribing processor (in the command's own transaction) whose errors
 * propagate to the command, and adds this package to the JPA entity scan (for {@link ProjectNameEntity}).
 */
@Configuration
@AutoConfigurationPackage
public class ProjectNamesConfiguration {

    @Autowired
    public void configureProcessor(EventProcessingConfigurer processing) {
        processing.registerSubscribingEventProcessor(ProjectNamesProjector.PROCESSING_GROUP)
                .registerListenerInvocationErrorHandler(ProjectNamesProjector.PROCESSING_GROUP,
                        configuration -> PropagatingErrorHandler.instance());
    }
}
