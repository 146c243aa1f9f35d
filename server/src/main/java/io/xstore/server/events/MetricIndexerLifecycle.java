package io.xstore.server.events;

import io.xstore.projection.metrics.MetricIndexer;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;

/**
 * Starts the metric indexer after Axon (summaries it finds become commands, which need the aggregates subscribed)
 * and before the web server takes calls, and stops it before Axon stops.
 */
class MetricIndexerLifecycle implements SmartLifecycle {

    /** Axon starts at MAX - 3072, the web server at MAX - 2048. */
    private static final int PHASE = Integer.MAX_VALUE - 2560;

    private final MetricIndexer indexer;
    private final Duration startTimeout;
    private volatile boolean running;

    MetricIndexerLifecycle(MetricIndexer indexer, Duration startTimeout) {
        this.indexer = indexer;
        this.startTimeout = startTimeout;
    }

    @Override
    public void start() {
        indexer.start();
        indexer.awaitRunning(startTimeout);
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        indexer.close();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
