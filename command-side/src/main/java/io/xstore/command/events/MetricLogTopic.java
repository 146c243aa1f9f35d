package io.xstore.command.events;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The metric event log's topic. Kept forever (the indices are rebuilt by replaying it) and accepting records as large
 * as one add_batch call may be.
 */
public record MetricLogTopic(String bootstrapServers, String name, int partitions, short replicationFactor) {

    private static final Logger log = LoggerFactory.getLogger(MetricLogTopic.class);
    public static final int MAX_RECORD_BYTES = 32 * 1024 * 1024;

    /** Creates the topic unless it exists. */
    public void ensure() {
        NewTopic topic = new NewTopic(name, partitions, replicationFactor).configs(Map.of(
                "retention.ms", "-1",
                "retention.bytes", "-1",
                "max.message.bytes", Integer.toString(MAX_RECORD_BYTES)));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(topic)).all().get(60, TimeUnit.SECONDS);
            log.info("created event log topic {} ({} partitions)", name, partitions);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create topic " + name + ": " + e.getCause(), e.getCause());
            }
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer creating topic " + name, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted creating topic " + name, e);
        }
    }
}
