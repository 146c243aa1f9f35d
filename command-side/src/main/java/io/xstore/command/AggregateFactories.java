package io.xstore.command;

import io.xstore.command.model.ModelAggregate;
import io.xstore.command.project.ProjectAggregate;
import io.xstore.command.task.TaskAggregate;
import io.xstore.command.user.UserAggregate;
import org.axonframework.eventsourcing.AggregateFactory;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The aggregates are created with their no-argument constructor rather than as Spring prototype beans (Axon's default
 * for {@code @Aggregate}, found by the bean name {@code <aggregate>AggregateFactory}): they take nothing from Spring,
 * and creating a prototype bean cost about a sixth of the CPU of a command whose aggregate was not cached.
 */
@Configuration
public class AggregateFactories {

    private final ParameterResolverFactory parameters;
    private final HandlerDefinition handlers;

    public AggregateFactories(ParameterResolverFactory parameters, HandlerDefinition handlers) {
        this.parameters = parameters;
        this.handlers = handlers;
    }

    private <T> AggregateFactory<T> factory(Class<T> type) {
        return new GenericAggregateFactory<>(AnnotatedAggregateMetaModelFactory.inspectAggregate(type, parameters,
                handlers));
    }

    @Bean
    public AggregateFactory<TaskAggregate> taskAggregateAggregateFactory() {
        return factory(TaskAggregate.class);
    }

    @Bean
    public AggregateFactory<ModelAggregate> modelAggregateAggregateFactory() {
        return factory(ModelAggregate.class);
    }

    @Bean
    public AggregateFactory<ProjectAggregate> projectAggregateAggregateFactory() {
        return factory(ProjectAggregate.class);
    }

    @Bean
    public AggregateFactory<UserAggregate> userAggregateAggregateFactory() {
        return factory(UserAggregate.class);
    }
}
