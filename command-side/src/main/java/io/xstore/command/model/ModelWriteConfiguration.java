package io.xstore.command.model;

import io.xstore.command.task.TaskAggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wiring of the commands that change tasks and models together. */
@Configuration
public class ModelWriteConfiguration {

    @Bean
    public TaskModelCleanup taskModelCleanup(Repository<TaskAggregate> taskAggregateRepository,
                                             Repository<ModelAggregate> modelAggregateRepository,
                                             ObjectProvider<TaskModelUsage> usage,
                                             ObjectProvider<TaskEventFiles> eventFiles) {
        return new TaskModelCleanup(taskAggregateRepository, modelAggregateRepository,
                usage.getIfAvailable(() -> TaskModelUsage.NONE), eventFiles.getIfAvailable(() -> TaskEventFiles.NONE));
    }
}
