package io.xstore.server.infra;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.HealthStatus;
import co.elastic.clients.elasticsearch.cluster.HealthResponse;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * Readiness of Elasticsearch: cluster health, answered within 2 s; red is down. Contributor name
 * {@code elasticsearch} (its bean name also makes Boot's own Elasticsearch indicator back off).
 */
@Component("elasticsearchHealthIndicator")
public class ElasticsearchHealthIndicator extends AbstractHealthIndicator {

    private final ElasticsearchClient client;

    public ElasticsearchHealthIndicator(ElasticsearchClient client) {
        super("Elasticsearch health check failed");
        this.client = client;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        HealthResponse health = client.cluster().health(h -> h.timeout(t -> t.time("2s")));
        builder.status(health.status() == HealthStatus.Red ? Status.DOWN : Status.UP)
                .withDetail("cluster", health.clusterName())
                .withDetail("status", health.status().jsonValue())
                .withDetail("nodes", health.numberOfNodes());
    }
}
