package io.xstore.server.events;

import io.xstore.projection.metrics.MetricIndexer;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the metric indexer after Axon (summaries it finds become commands, which need the aggregates subscribed)
 * and before the web server takes calls, and stops it before Axon stops.
 */
class MetricIndexerLifecycle implements SmartLifecycle {

    /** Axon starts at MAX - 3072, the web server at MAX - 2048. */
    private static final Logger log = LoggerFactory.getLogger(MetricIndexerLifecycle.class);
    private static final int PHASE = Integer.MAX_VALUE - 2560;

    private final MetricIndexer indexer;
    private final Duration startTimeout;
    private volatile boolean running;

    MetricIndexerLifecycle(MetricIndexer indexer, Duration startTimeout) {
        this.indexer = indexer;
        this.startTimeout = startTimeout;
    }

    /**
     * Waits for the stream threads, but a slow first run does not fail the server: after a kill -9 Kafka can hold the
     * committed positions until the dead run's transaction ends (up to its timeout); the threads are replaced and
     * retry meanwhile, and readiness ({@code metricIndexer}) stays down until they run.
     */
    @Override
    public void start() {
        indexer.start();
        running = true;
        try {
            indexer.awaitRunning(startTimeout);
        } catch (IllegalStateException slow) {
            if (indexer.state() == KafkaStreams.State.ERROR) {
                throw slow;
            }
            log.warn("{}; starting without it, metric events are indexed once it runs (readiness: metricIndexer)",
                    slow.getMessage());
        }
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
