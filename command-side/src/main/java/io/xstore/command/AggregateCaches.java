package io.xstore.command;

import org.axonframework.common.caching.Cache;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One bounded cache per aggregate type, named in each aggregate's {@code @Aggregate(cache = ...)}. Sized by the heap
 * unless configured: one entry per {@value #HEAP_BYTES_PER_ENTRY} bytes of maximum heap (32,768 with 1 GB). One per
 * 8 KB kept all 100,000 tasks of the write-path bench in memory, and the collections of a heap that full cost more
 * (replay 5,700 against 7,200 events/s, commands 5 to 25% slower) than loading an aggregate that fell out; a long
 * history loads from its snapshot.
 */
@Configuration
public class AggregateCaches {

    static final long HEAP_BYTES_PER_ENTRY = 32 * 1024;
    private static final int MIN_ENTRIES = 10_000;

    private final int size;

    public AggregateCaches(@Value("${xstore.command.aggregate-cache-size:0}") int size) {
        this.size = size > 0 ? size : byHeap(Runtime.getRuntime().maxMemory());
    }

    static int byHeap(long maxHeapBytes) {
        return (int) Math.max(MIN_ENTRIES, Math.min(Integer.MAX_VALUE, maxHeapBytes / HEAP_BYTES_PER_ENTRY));
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
