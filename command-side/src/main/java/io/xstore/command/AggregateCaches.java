package io.xstore.command;

import org.axonframework.common.caching.Cache;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One bounded cache per aggregate type, named in each aggregate's {@code @Aggregate(cache = ...)}. Sized by the heap
 * unless configured: a task aggregate takes about 1 KB, so one entry per {@value #HEAP_BYTES_PER_ENTRY} bytes of
 * maximum heap keeps the tasks of a large store in memory (131,072 with 1 GB) while a full cache stays a small part of
 * the heap.
 */
@Configuration
public class AggregateCaches {

    static final long HEAP_BYTES_PER_ENTRY = 8 * 1024;
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
