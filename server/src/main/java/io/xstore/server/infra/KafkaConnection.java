package io.xstore.server.infra;

/** Where Kafka clients connect: the embedded broker or {@code xstore.kafka.bootstrap-servers}. */
public record KafkaConnection(String bootstrapServers) {
}
