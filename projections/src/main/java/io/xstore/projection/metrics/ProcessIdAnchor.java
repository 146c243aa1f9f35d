package io.xstore.projection.metrics;

import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.state.StoreBuilder;

import java.util.Map;

/**
 * An empty store that only says it is persistent. Streams keeps its process id in the state directory only when the
 * topology has a persistent store, and the exactly-once producer's transactional id contains that process id. With
 * a stable id, a restart after a crash fences the dead instance's transaction at once; with a new random one, the
 * restarted indexer waits for that transaction to time out before it can read its changelogs and offsets.
 */
final class ProcessIdAnchor implements StateStore {

    static final String NAME = "metric-indexer-process-anchor";

    private boolean open;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
        context.register(root, (key, value) -> { });
        open = true;
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        open = false;
    }

    @Override
    public boolean persistent() {
        return true;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    static StoreBuilder<ProcessIdAnchor> builder() {
        return new StoreBuilder<>() {
            @Override
            public StoreBuilder<ProcessIdAnchor> withCachingEnabled() {
                return this;
            }

            @Override
            public StoreBuilder<ProcessIdAnchor> withCachingDisabled() {
                return this;
            }

            @Override
            public StoreBuilder<ProcessIdAnchor> withLoggingEnabled(Map<String, String> config) {
                return this;
            }

            @Override
            public StoreBuilder<ProcessIdAnchor> withLoggingDisabled() {
                return this;
            }

            @Override
            public ProcessIdAnchor build() {
                return new ProcessIdAnchor();
            }

            @Override
            public Map<String, String> logConfig() {
                return Map.of();
            }

            @Override
            public boolean loggingEnabled() {
                return false;
            }

            @Override
            public String name() {
                return NAME;
            }
        };
    }
}
