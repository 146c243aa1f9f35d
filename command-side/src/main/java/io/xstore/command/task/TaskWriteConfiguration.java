package io.xstore.command.task;

import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wiring of the task write side: the reference-checking command handler. */
@Configuration
public class TaskWriteConfiguration {

    @Bean
    public TaskCommandHandler taskCommandHandler(Repository<TaskAggregate> taskAggregateRepository,
                                                 ObjectProvider<ProjectDirectory> projects,
                                                 ObjectProvider<InputModels> inputModels) {
        return new TaskCommandHandler(taskAggregateRepository, projects.getIfAvailable(TaskWiringDefaults::projects),
                inputModels.getIfAvailable(() -> InputModels.ANY));
    }
}
