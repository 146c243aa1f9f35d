package io.xstore.server.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

/** All three embedded services started in parallel, stopped, started again on the same data dir: nothing is lost. */
class BackingServicesRestartTest {

    @TempDir
    Path dataDir;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void dataOfEveryServiceSurvivesARestart() throws Exception {
        BackingServiceSettings settings = BackingServiceSettings.from(
                new MockEnvironment().withProperty("xstore.data-dir", dataDir.toString()));

        BackingServices first = BackingServices.start(settings);
        try {
            try (MongoClient mongo = MongoClients.create(first.endpoint(BackingService.MONGODB))) {
                mongo.getDatabase("xstore").getCollection("restart").insertOne(new Document("_id", "kept"));
            }
            send("PUT", first.endpoint(BackingService.ELASTICSEARCH) + "/restart/_doc/kept?refresh=true", "{\"v\":1}");
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, first.endpoint(BackingService.KAFKA),
                    ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>("restart", "k", "kept")).get();
            }
        } finally {
            first.destroy();
        }

        BackingServices second = BackingServices.start(settings);
        try {
            try (MongoClient mongo = MongoClients.create(second.endpoint(BackingService.MONGODB))) {
                assertThat(mongo.getDatabase("xstore").getCollection("restart").countDocuments()).isEqualTo(1);
            }
            assertThat(send("GET", second.endpoint(BackingService.ELASTICSEARCH) + "/restart/_doc/kept", null))
                    .contains("\"found\":true");
            assertThat(consumeAll(second.endpoint(BackingService.KAFKA), "restart")).containsExactly("kept");
        } finally {
            second.destroy();
        }
    }

    private String send(String method, String url, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (json != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static List<String> consumeAll(String bootstrapServers, String topic) {
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "restart-check",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> values.add(r.value()));
            }
        }
        return values;
    }
}
