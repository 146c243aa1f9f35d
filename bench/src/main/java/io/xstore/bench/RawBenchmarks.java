package io.xstore.bench;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.xstore.readmodel.Collections;
import io.xstore.readmodel.events.EventDocumentIds;
import io.xstore.readmodel.events.EventIndices;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;

/**
 * The same embedded services the server uses, driven directly: the ceiling the API is compared with. Documents and
 * records have the size and shape of what the API writes (a real task read-model document; scalar events), and the
 * Kafka producer has the settings of the server's event log (acks=all, idempotent, linger 2 ms).
 */
final class RawBenchmarks {

    private static final String RAW_COLLECTION = "bench_raw_tasks";
    private static final String RAW_TOPIC = "bench-raw-events";

    private final MongoDatabase mongo;
    private final String kafkaBootstrapServers;
    private final LoadRunner runner;
    private final BenchSettings settings;

    RawBenchmarks(MongoDatabase mongo, String kafkaBootstrapServers, LoadRunner runner, BenchSettings settings) {
        this.mongo = mongo;
        this.kafkaBootstrapServers = kafkaBootstrapServers;
        this.runner = runner;
        this.settings = settings;
    }

    /** insertOne of copies of a task document the API wrote, each with a fresh id, into a collection of its own. */
    Measurement mongoInsertOne(String templateTaskId) {
        Document template = mongo.getCollection(Collections.TASKS).find(Filters.eq("_id", templateTaskId)).first();
        if (template == null) {
            throw new IllegalStateException("task " + templateTaskId + " is not in the read model");
        }
        MongoCollection<Document> raw = mongo.getCollection(RAW_COLLECTION);
        LoadRunner.Operation op = i -> {
            Document copy = new Document(template);
            copy.put("_id", newId());
            raw.insertOne(copy);
        };
        runner.warmUp(settings.warmup(), 1, op);
        int jsonBytes = template.toJson().length();
        return runner.measure("MongoDB insertOne (task doc, " + jsonBytes + " B JSON)", "docs/s",
                settings.rawInserts(), 1, 1, op);
    }

    /** find by _id in the tasks read model itself, over the same ids the API reads. */
    Measurement mongoFindById(List<String> taskIds) {
        MongoCollection<Document> tasks = mongo.getCollection(Collections.TASKS);
        LoadRunner.Operation op = i -> {
            String id = taskIds.get(ThreadLocalRandom.current().nextInt(taskIds.size()));
            if (tasks.find(Filters.eq("_id", id)).first() == null) {
                throw new IOException("task " + id + " not found");
            }
        };
        runner.warmUp(settings.warmup(), 1, op);
        return runner.measure("MongoDB find by _id", "ops/s", settings.rawFinds(), 1, 1, op);
    }

    /** Batches of {@code batchSize} records keyed by one task, sent then all acknowledged, like events.add_batch. */
    Measurement kafkaProduceBatches() throws Exception {
        createTopic();
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 2,
                ProducerConfig.CLIENT_ID_CONFIG, "xstore-bench-raw");
        String task = newId();
        try (KafkaProducer<String, byte[]> producer =
                     new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            int[] iteration = {0};
            LoadRunner.Operation op = i -> {
                long now = System.currentTimeMillis();
                List<Future<RecordMetadata>> acks = new ArrayList<>(settings.batchSize());
                for (int j = 0; j < settings.batchSize(); j++) {
                    Map<String, Object> event = ApiBenchmarks.scalarEvent(task, now, iteration[0]++);
                    event.put("company", "bench-company-id");
                    acks.add(producer.send(new ProducerRecord<>(RAW_TOPIC, task,
                            BenchApi.JSON.writeValueAsBytes(event))));
                }
                for (Future<RecordMetadata> ack : acks) {
                    ack.get(30, TimeUnit.SECONDS);
                }
            };
            runner.warmUp(settings.batchWarmup(), 1, op);
            return runner.measure("Kafka send+get (" + settings.batchSize() + " records, acks=all)", "records/s",
                    settings.rawBatches(), 1, settings.batchSize(), op);
        }
    }

    /**
     * Bulk requests of {@code batchSize} scalar documents, shaped as the indexer stores them, into an index that gets
     * the event mapping (it matches the {@code events-*} template), refreshed like the indexer's bulks.
     */
    Measurement elasticBulk(ElasticsearchClient elasticsearch, int threads) throws Exception {
        String index = EventIndices.index(EventIndices.SCALAR, "bench-raw");
        AtomicLong sequence = new AtomicLong();
        LoadRunner.Operation op = i -> {
            String task = newId();
            long now = System.currentTimeMillis();
            BulkRequest.Builder bulk = new BulkRequest.Builder().refresh(Refresh.True);
            for (int j = 0; j < settings.batchSize(); j++) {
                int iter = j;
                Map<String, Object> doc = ApiBenchmarks.scalarEvent(task, now, iter);
                doc.put("company_id", "bench-raw");
                doc.put("@timestamp", java.time.Instant.now().toString());
                doc.put("seq", sequence.incrementAndGet());
                String id = EventDocumentIds.metricEventId(task, (long) iter, "loss", "train", null);
                bulk.operations(o -> o.index(x -> x.index(index).id(id).document(doc)));
            }
            BulkResponse response = elasticsearch.bulk(bulk.build());
            if (response.errors()) {
                throw new IOException("bulk had errors");
            }
        };
        runner.warmUp(settings.batchWarmup(), threads, op);
        return runner.measure("Elasticsearch bulk (" + settings.batchSize() + " docs, refresh)", "docs/s",
                settings.rawBatches(), threads, settings.batchSize(), op);
    }

    private void createTopic() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(RAW_TOPIC, 6, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
    }

    private static String newId() {
        return UUID.randomUUID().toString().replace("-", "");
    }
}
