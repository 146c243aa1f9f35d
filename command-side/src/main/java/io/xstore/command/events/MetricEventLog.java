package io.xstore.command.events;

import io.xstore.api.metrics.LogPosition;
import io.xstore.api.metrics.MetricLogEntry;
import io.xstore.protocol.ApiError;
import io.xstore.readmodel.events.MetricLogCodec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The durable log of metric and console events: a Kafka topic keyed by task. The entries of one call are written in
 * one transaction (acks=all, idempotent), so an acknowledged call survives a crash whole and a failed one leaves
 * nothing visible to the indexer, which reads committed records only.
 */
public class MetricEventLog {

    private static final Logger log = LoggerFactory.getLogger(MetricEventLog.class);

    private final MetricLogTopic topic;
    private final BlockingQueue<Writer> writers;
    private final String writerId;

    /**
     * @param writerId names this server's transactional writers; a restart with the same id fences the previous
     *                 run's writers and aborts what they left open, so the indexer is not held up by them
     */
    public MetricEventLog(MetricLogTopic topic, String writerId, int concurrentWriters) {
        this.topic = topic;
        this.writerId = writerId;
        this.writers = new ArrayBlockingQueue<>(concurrentWriters);
        for (int slot = 0; slot < concurrentWriters; slot++) {
            writers.add(new Writer(slot, newProducer(slot)));
        }
    }

    private record Writer(int slot, KafkaProducer<String, byte[]> producer) {
    }

    public String topic() {
        return topic.name();
    }

    /**
     * Appends the entries, each keyed by its task or model id, and returns where they were written. A writer fenced
     * by a newer one with the same transactional id is replaced and the call tried once more.
     */
    public List<LogPosition> append(List<Keyed> entries) {
        try {
            return appendOnce(entries);
        } catch (ProducerFencedException | InvalidProducerEpochException e) {
            log.info("event log writer was fenced, retrying with a new one: {}", e.getMessage());
            return appendOnce(entries);
        }
    }

    private List<LogPosition> appendOnce(List<Keyed> entries) {
        Writer writer = take();
        KafkaProducer<String, byte[]> producer = writer.producer();
        boolean healthy = false;
        try {
            producer.beginTransaction();
            List<Future<RecordMetadata>> acks = new ArrayList<>(entries.size());
            for (Keyed entry : entries) {
                acks.add(producer.send(new ProducerRecord<>(topic.name(), entry.key(),
                        MetricLogCodec.encode(entry.entry()))));
            }
            producer.commitTransaction();
            List<LogPosition> positions = new ArrayList<>(acks.size());
            for (Future<RecordMetadata> ack : acks) {
                RecordMetadata written = ack.get(30, TimeUnit.SECONDS);
                positions.add(new LogPosition(written.partition(), written.offset()));
            }
            healthy = true;
            return positions;
        } catch (ProducerFencedException | InvalidProducerEpochException e) {
            throw e;
        } catch (KafkaException | ExecutionException | TimeoutException e) {
            log.warn("event log write failed, nothing of the call was stored: {}", e.toString());
            throw ApiError.SERVICE_UNAVAILABLE.toException("event log unavailable, retry");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiError.SERVICE_UNAVAILABLE.toException("interrupted");
        } finally {
            release(writer, healthy);
        }
    }

    public LogPosition append(String key, MetricLogEntry entry) {
        return append(List.of(new Keyed(key, entry))).get(0);
    }

    /** A log entry with its record key (task or model id). */
    public record Keyed(String key, MetricLogEntry entry) {
    }

    private Writer take() {
        try {
            return writers.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiError.SERVICE_UNAVAILABLE.toException("interrupted");
        }
    }

    /** A producer whose transaction failed is replaced: aborting may be impossible once it is fenced. */
    private void release(Writer writer, boolean healthy) {
        if (healthy) {
            writers.add(writer);
            return;
        }
        try {
            writer.producer().close(Duration.ofSeconds(5));
        } catch (KafkaException e) {
            log.debug("closing a failed producer: {}", e.toString());
        }
        writers.add(new Writer(writer.slot(), newProducer(writer.slot())));
    }

    private KafkaProducer<String, byte[]> newProducer(int slot) {
        KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, topic.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, writerId + "-events-" + slot,
                ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 15_000,
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, MetricLogTopic.MAX_RECORD_BYTES,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4",
                ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.CLIENT_ID_CONFIG, writerId + "-events-" + slot),
                new StringSerializer(), new ByteArraySerializer());
        producer.initTransactions();
        return producer;
    }

    public void close() {
        Writer writer;
        while ((writer = writers.poll()) != null) {
            writer.producer().close(Duration.ofSeconds(5));
        }
    }
}
