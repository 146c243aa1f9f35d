package io.xstore.command.task;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wiring of the task write side: the aggregate cache and the reference-checking command handler. */
@Configuration
public class TaskWriteConfiguration {

    /** Named in {@link TaskAggregate}'s {@code @Aggregate(cache = ...)}. */
    @Bean
    public Cache taskAggregateCache() {
        return new WeakReferenceCache();
    }

    @Bean
    public TaskCommandHandler taskCommandHandler(Repository<TaskAggregate> taskAggregateRepository,
                                                 ObjectProvider<ProjectDirectory> projects) {
        return new TaskCommandHandler(taskAggregateRepository, projects.getIfAvailable(TaskWiringDefaults::projects));
    }
}
