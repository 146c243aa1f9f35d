package io.xstore.command.queue;

import io.xstore.command.task.TaskAggregate;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wiring of the queue write side: the coordinator of task-and-queue commands, and {@link QueueNamesProjector} in a
 * subscribing processor (in the command's own unit of work) whose errors propagate to the command.
 */
@Configuration
public class QueueWriteConfiguration {

    @Autowired
    public void configureQueueNames(EventProcessingConfigurer processing) {
        processing.registerSubscribingEventProcessor(QueueNamesProjector.PROCESSING_GROUP)
                .registerListenerInvocationErrorHandler(QueueNamesProjector.PROCESSING_GROUP,
                        configuration -> PropagatingErrorHandler.instance());
    }

    @Bean
    public TaskQueueCoordinator taskQueueCoordinator(Repository<TaskAggregate> taskAggregateRepository,
                                                     Repository<QueueAggregate> queueAggregateRepository) {
        return new TaskQueueCoordinator(taskAggregateRepository, queueAggregateRepository);
    }
}
