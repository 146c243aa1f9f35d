package io.xstore.server.infra;

import io.xstore.projection.metrics.MetricIndexer;
import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * Readiness of the metric indexer (Kafka Streams into Elasticsearch): up while its stream threads run or rebalance,
 * down before they first run and after an unrecoverable error. Contributor name: {@code metricIndexer}.
 */
@Component("metricIndexerHealthIndicator")
public class MetricIndexerHealthIndicator extends AbstractHealthIndicator {

    private final MetricIndexer indexer;

    public MetricIndexerHealthIndicator(MetricIndexer indexer) {
        super("metric indexer health check failed");
        this.indexer = indexer;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        KafkaStreams.State state = indexer.state();
        builder.withDetail("state", state == null ? "not started" : state.name().toLowerCase())
                .withDetail("application", indexer.applicationId());
        if (state == KafkaStreams.State.RUNNING || state == KafkaStreams.State.REBALANCING) {
            builder.up();
        } else {
            builder.down();
        }
    }
}
