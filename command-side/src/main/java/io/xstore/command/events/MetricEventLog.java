package io.xstore.command.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.xstore.protocol.ApiError;
import jakarta.annotation.PreDestroy;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The durable log of metric and console events: a Kafka topic keyed by task, written with acks=all and idempotence,
 * so an acknowledged {@code events.add_batch} survives a crash and can be indexed (and re-indexed) from it.
 */
@Component
public class MetricEventLog {

    private static final Logger log = LoggerFactory.getLogger(MetricEventLog.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String topic;
    private final String bootstrapServers;
    private final int partitions;
    private final short replicationFactor;
    private volatile KafkaProducer<String, byte[]> producer;

    public MetricEventLog(@Value("${xstore.kafka.bootstrap-servers}") String bootstrapServers,
                          @Value("${xstore.events.topic:task-events}") String topic,
                          @Value("${xstore.events.partitions:6}") int partitions,
                          @Value("${xstore.events.replication-factor:1}") short replicationFactor) {
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
        this.partitions = partitions;
        this.replicationFactor = replicationFactor;
    }

    public String topic() {
        return topic;
    }

    /** Appends the events and returns once the broker has acknowledged all of them. */
    public void append(List<MetricEvent> events) {
        KafkaProducer<String, byte[]> kafka = producer();
        List<Future<RecordMetadata>> acks = new ArrayList<>(events.size());
        for (MetricEvent event : events) {
            acks.add(kafka.send(new ProducerRecord<>(topic, event.target(), serialize(event.fields()))));
        }
        try {
            for (Future<RecordMetadata> ack : acks) {
                ack.get(30, TimeUnit.SECONDS);
            }
        } catch (ExecutionException | TimeoutException e) {
            log.warn("event log write failed: {}", e.toString());
            throw ApiError.SERVICE_UNAVAILABLE.toException("event log unavailable, retry");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiError.SERVICE_UNAVAILABLE.toException("interrupted");
        }
    }

    private static byte[] serialize(Map<String, Object> fields) {
        try {
            return JSON.writeValueAsBytes(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event fields must be plain JSON values", e);
        }
    }

    private KafkaProducer<String, byte[]> producer() {
        KafkaProducer<String, byte[]> current = producer;
        if (current == null) {
            synchronized (this) {
                if (producer == null) {
                    ensureTopic();
                    producer = new KafkaProducer<>(Map.of(
                            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                            ProducerConfig.ACKS_CONFIG, "all",
                            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                            ProducerConfig.LINGER_MS_CONFIG, 2,
                            ProducerConfig.CLIENT_ID_CONFIG, "xstore-events"),
                            new StringSerializer(), new ByteArraySerializer());
                }
                current = producer;
            }
        }
        return current;
    }

    private void ensureTopic() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, replicationFactor))).all()
                    .get(30, TimeUnit.SECONDS);
            log.info("created event log topic {} ({} partitions)", topic, partitions);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create topic " + topic, e.getCause());
            }
        } catch (TimeoutException e) {
            throw ApiError.SERVICE_UNAVAILABLE.toException("event log unavailable, retry");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiError.SERVICE_UNAVAILABLE.toException("interrupted");
        }
    }

    @PreDestroy
    void close() {
        if (producer != null) {
            producer.close();
        }
    }
}
