package io.xstore.server.infra;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/** Readiness of Kafka: the cluster answers a describe within 2 s. Contributor name: {@code kafka}. */
@Component("kafkaHealthIndicator")
public class KafkaHealthIndicator extends AbstractHealthIndicator implements DisposableBean {

    private static final int TIMEOUT_MS = 2_000;

    private final KafkaConnection connection;
    private Admin admin;

    public KafkaHealthIndicator(KafkaConnection connection) {
        super("Kafka health check failed");
        this.connection = connection;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        DescribeClusterResult cluster = admin().describeCluster(new DescribeClusterOptions().timeoutMs(TIMEOUT_MS));
        int nodes = cluster.nodes().get(TIMEOUT_MS, TimeUnit.MILLISECONDS).size();
        builder.status(nodes > 0 ? "UP" : "DOWN")
                .withDetail("clusterId", cluster.clusterId().get(TIMEOUT_MS, TimeUnit.MILLISECONDS))
                .withDetail("nodes", nodes);
    }

    private synchronized Admin admin() {
        if (admin == null) {
            admin = Admin.create(Map.of(
                    AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, connection.bootstrapServers(),
                    AdminClientConfig.CLIENT_ID_CONFIG, "xstore-health",
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, TIMEOUT_MS,
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, TIMEOUT_MS));
        }
        return admin;
    }

    @Override
    public synchronized void destroy() {
        if (admin != null) {
            admin.close(java.time.Duration.ofSeconds(2));
            admin = null;
        }
    }
}
