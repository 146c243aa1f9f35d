package io.xstore.command.queue;

import io.xstore.command.task.TaskAggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wiring of the queue write side: the coordinator of task-and-queue commands. */
@Configuration
public class QueueWriteConfiguration {

    @Bean
    public TaskQueueCoordinator taskQueueCoordinator(Repository<TaskAggregate> taskAggregateRepository,
                                                     Repository<QueueAggregate> queueAggregateRepository) {
        return new TaskQueueCoordinator(taskAggregateRepository, queueAggregateRepository);
    }
}
