package io.xstore.command;

import org.axonframework.common.caching.Cache;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One bounded cache per aggregate type, named in each aggregate's {@code @Aggregate(cache = ...)}. */
@Configuration
public class AggregateCaches {

    private final int size;

    public AggregateCaches(@Value("${xstore.command.aggregate-cache-size:20000}") int size) {
        this.size = size;
    }

    @Bean
    public Cache taskAggregateCache() {
        return new BoundedCache(size);
    }

    @Bean
    public Cache modelAggregateCache() {
        return new BoundedCache(size);
    }

    @Bean
    public Cache projectAggregateCache() {
        return new BoundedCache(size);
    }

    @Bean
    public Cache queueAggregateCache() {
        return new BoundedCache(size);
    }

    @Bean
    public Cache userAggregateCache() {
        return new BoundedCache(size);
    }
}
