package io.xstore.server.events;

import io.xstore.api.metrics.MetricEventBatch;
import io.xstore.readmodel.events.MetricLogCodec;
import io.xstore.server.ApiClient;
import io.xstore.server.ServerTestSupport;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class EventsAddBatchIT extends ServerTestSupport {

    private final ApiClient api = new ApiClient(apiBaseUrl());

    @Test
    void jsonLinesBatchIsOneEventLogEntryPerTask() throws Exception {
        String task = api.call("/tasks.create", Map.of("name", "events " + UUID.randomUUID(), "type", "training"))
                .data().get("id").asText();
        String body = """
                {"task": "%s", "timestamp": 1736785933123, "metric": "loss", "variant": "train", "iter": 1, "value": 0.5, "type": "training_stats_scalar", "model_event": false}
                {"task": "%s", "timestamp": 1736785933200, "level": "info", "msg": "hello", "type": "log"}
                """.formatted(task, task);

        HttpResponse<String> response = postJsonLines("/v2.23/events.add_batch", body);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"added\":2").contains("\"errors\":0");
        List<String> entries = eventLogValuesFor(task);
        assertThat(entries).hasSize(1);
        MetricEventBatch batch = MetricLogCodec.decode(entries.get(0).getBytes(StandardCharsets.UTF_8)).batch();
        assertThat(batch.target()).isEqualTo(task);
        assertThat(batch.company()).isNotEmpty();
        assertThat(batch.events()).extracting(e -> e.get("type")).containsExactly("training_stats_scalar", "log");
    }

    @Test
    void batchWhereNothingCouldBeStoredIs400Subcode131() throws Exception {
        HttpResponse<String> response = postJsonLines("/v2.23/events.add_batch",
                "{\"task\": \"0000\", \"type\": \"log\", \"msg\": \"x\"}\n");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"result_subcode\":131").contains("Invalid task id");
    }

    @Test
    void valuesElasticsearchWouldRefuseAreCountedNotStored() throws Exception {
        String task = api.call("/tasks.create", Map.of("name", "events " + UUID.randomUUID(), "type", "training"))
                .data().get("id").asText();
        String line = "{\"task\": \"%s\", \"metric\": \"m\", \"variant\": \"v\", \"iter\": %d, \"value\": %s, "
                + "\"type\": \"training_stats_scalar\"}\n";
        String body = line.formatted(task, 1, "0.5") + line.formatted(task, 2, "NaN") + line.formatted(task, 3, "\"abc\"")
                + line.formatted(task, 4, "-Infinity");

        HttpResponse<String> response = postJsonLines("/v2.23/events.add_batch", body);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"added\":1").contains("\"errors\":3")
                .contains("Scalar value must be a finite number");
    }

    @Test
    void emptyBatchIs400Subcode17() throws Exception {
        HttpResponse<String> response = postJsonLines("/v2.23/events.add_batch", "\n");

        assertThat(response.body()).contains("\"result_subcode\":17");
    }

    private HttpResponse<String> postJsonLines(String path, String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(apiBaseUrl() + path))
                        .header("Authorization", "Bearer " + api.token())
                        .header("Content-Type", "application/json-lines")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private List<String> eventLogValuesFor(String task) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("task-events"));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (task.equals(record.key())) {
                        values.add(record.value());
                    }
                }
            }
        }
        return values;
    }
}
