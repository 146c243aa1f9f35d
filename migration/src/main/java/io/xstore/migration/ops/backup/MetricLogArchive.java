package io.xstore.migration.ops.backup;

import io.xstore.migration.ops.Progress;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The metric event log (a Kafka topic) as a file: every committed record up to the end offsets of each partition
 * at the moment the export begins, with its partition, offset, timestamp, key, value and headers, gzipped.
 * Loading it writes the records back into the same partitions of a topic, in order.
 * <p>
 * Layout: {@code "XSML1"}, then per record {@code 1, int partition, long offset, long timestamp, key, value,
 * int headers, (key, value)*} (a string or bytes is an int length, -1 for null, and the bytes), then {@code 0} and
 * the record count.
 */
public final class MetricLogArchive {

    private static final String MAGIC = "XSML1";
    private static final Duration POLL = Duration.ofMillis(500);

    /** Records and their end offsets (by partition) as exported, and the archive's SHA-256. */
    public record Exported(long records, Map<Integer, Long> endOffsets, String sha256, long bytes) {
    }

    private MetricLogArchive() {
    }

    /** Exports every committed record of {@code topic} as of now into {@code file}. */
    public static Exported export(String bootstrap, String topic, Path file, Progress progress) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig(bootstrap));
             var hashed = new DigestOutputStream(Files.newOutputStream(file), Checksums.sha256());
             var out = new DataOutputStream(new BufferedOutputStream(new GZIPOutputStream(hashed, 1 << 16),
                     1 << 16))) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo info : consumer.partitionsFor(topic, Duration.ofSeconds(30))) {
                partitions.add(new TopicPartition(topic, info.partition()));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            // under read_committed these are the last stable offsets: everything acknowledged is before them
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions, Duration.ofSeconds(30));
            progress.total(end.values().stream().mapToLong(Long::longValue).sum()
                    - begin.values().stream().mapToLong(Long::longValue).sum());
            out.writeBytes(MAGIC);
            long count = 0;
            List<TopicPartition> open = new ArrayList<>(partitions);
            open.removeIf(tp -> end.get(tp) <= begin.get(tp));
            consumer.assign(open);
            while (!open.isEmpty()) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    TopicPartition tp = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() >= end.get(tp)) {
                        continue;
                    }
                    write(out, record);
                    count++;
                }
                List<TopicPartition> finished = new ArrayList<>();
                for (TopicPartition tp : open) {
                    long position = consumer.position(tp);
                    if (position >= end.get(tp)) {
                        finished.add(tp);
                    }
                }
                if (!finished.isEmpty()) {
                    open.removeAll(finished);
                    consumer.assign(open);
                }
                long at = 0;
                for (TopicPartition tp : partitions) {
                    at += open.contains(tp) ? consumer.position(tp) - begin.get(tp) : end.get(tp) - begin.get(tp);
                }
                progress.at(at); // offsets, not records: transaction markers take offsets too
            }
            out.writeByte(0);
            out.writeLong(count);
            out.close();
            Map<Integer, Long> ends = new TreeMap<>();
            end.forEach((tp, offset) -> ends.put(tp.partition(), offset));
            return new Exported(count, ends, HexFormat.of().formatHex(hashed.getMessageDigest().digest()),
                    Files.size(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Reads the archive through, checking its end marker; returns the record count. */
    public static long verify(Path file) {
        return read(file, record -> { });
    }

    /** What a load wrote, and what it found in the topic already (from an earlier, interrupted load). */
    public record Loaded(long written, long alreadyThere) {
    }

    /**
     * Writes the archived records into {@code topic} (created with {@code partitions} if missing), each into its
     * archived partition, in order. Idempotent: a load interrupted by a crash left, in each partition, a prefix of
     * that partition's records (the producer keeps the order, and the server takes no other writes before the load
     * ends), so the records already there, counted by the partition's end offset, are skipped and the rest
     * written. A topic holding more records in a partition than the archive has for it (not a topic of this
     * restore) is refused before anything is written.
     *
     * @param recordsPerSecond paces the load (0: as fast as Kafka takes it)
     */
    public static Loaded load(Path file, String bootstrap, String topic, int partitions, short replication,
                              Map<String, String> topicConfig, long recordsPerSecond, Progress progress) {
        ensureTopic(bootstrap, topic, partitions, replication, topicConfig);
        Map<Integer, Long> present = endOffsets(bootstrap, topic);
        if (present.values().stream().anyMatch(offset -> offset > 0)) {
            Map<Integer, Long> archived = new HashMap<>();
            read(file, record -> archived.merge(record.partition() % partitions, 1L, Long::sum));
            present.forEach((partition, offset) -> {
                if (offset > archived.getOrDefault(partition, 0L)) {
                    throw new IllegalStateException("partition " + partition + " of topic " + topic + " holds "
                            + offset + " records, the restored metric log only " + archived.getOrDefault(partition,
                            0L) + " for it: the topic holds records that are not from this restore");
                }
            });
        }
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 64 * 1024 * 1024);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        Map<Integer, Long> seen = new HashMap<>();
        long[] written = new long[1];
        long started = System.nanoTime();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config)) {
            long count = read(file, record -> {
                int partition = record.partition() % partitions;
                if (seen.merge(partition, 1L, Long::sum) > present.getOrDefault(partition, 0L)) {
                    producer.send(new ProducerRecord<>(topic, partition, record.timestamp(), record.key(),
                            record.value(), record.headers()));
                    written[0]++;
                    if (recordsPerSecond > 0) {
                        pace(started, written[0], recordsPerSecond, producer);
                    }
                }
                progress.add(1);
            });
            producer.flush();
            return new Loaded(written[0], count - written[0]);
        }
    }

    private static void pace(long startedNanos, long written, long perSecond, KafkaProducer<?, ?> producer) {
        long due = startedNanos + written * 1_000_000_000L / perSecond;
        long wait = due - System.nanoTime();
        if (wait > 0) {
            producer.flush(); // what is paced is what Kafka holds, not what waits in the producer
            try {
                TimeUnit.NANOSECONDS.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("metric log load interrupted", e);
            }
        }
    }

    private static Map<Integer, Long> endOffsets(String bootstrap, String topic) {
        Map<String, Object> config = consumerConfig(bootstrap);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted"); // the high watermark: all there is
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo info : consumer.partitionsFor(topic, Duration.ofSeconds(30))) {
                partitions.add(new TopicPartition(topic, info.partition()));
            }
            Map<Integer, Long> ends = new TreeMap<>();
            consumer.endOffsets(partitions, Duration.ofSeconds(30)).forEach((tp, offset) -> ends.put(tp.partition(),
                    offset));
            return ends;
        }
    }

    /** One archived record. */
    record Archived(int partition, long offset, long timestamp, byte[] key, byte[] value, List<Header> headers) {
    }

    private static long read(Path file, java.util.function.Consumer<Archived> each) {
        try (var in = new DataInputStream(new BufferedInputStream(new GZIPInputStream(Files.newInputStream(file),
                1 << 16), 1 << 16))) {
            byte[] magic = in.readNBytes(MAGIC.length());
            if (!MAGIC.equals(new String(magic, java.nio.charset.StandardCharsets.US_ASCII))) {
                throw new IllegalStateException(file + " is not a metric log archive");
            }
            long count = 0;
            while (in.readByte() == 1) {
                int partition = in.readInt();
                long offset = in.readLong();
                long timestamp = in.readLong();
                byte[] key = bytes(in);
                byte[] value = bytes(in);
                int headerCount = in.readInt();
                List<Header> headers = new ArrayList<>(headerCount);
                for (int i = 0; i < headerCount; i++) {
                    headers.add(new RecordHeader(new String(bytes(in), java.nio.charset.StandardCharsets.UTF_8),
                            bytes(in)));
                }
                each.accept(new Archived(partition, offset, timestamp, key, value, headers));
                count++;
            }
            long written = in.readLong();
            if (written != count) {
                throw new IllegalStateException(file + " holds " + count + " records, its end says " + written);
            }
            return count;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + " (truncated?)", e);
        }
    }

    private static void write(DataOutputStream out, ConsumerRecord<byte[], byte[]> record) throws IOException {
        out.writeByte(1);
        out.writeInt(record.partition());
        out.writeLong(record.offset());
        out.writeLong(record.timestamp());
        bytes(out, record.key());
        bytes(out, record.value());
        Header[] headers = record.headers().toArray();
        out.writeInt(headers.length);
        for (Header header : headers) {
            bytes(out, header.key().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            bytes(out, header.value());
        }
    }

    private static void bytes(DataOutputStream out, byte[] bytes) throws IOException {
        if (bytes == null) {
            out.writeInt(-1);
        } else {
            out.writeInt(bytes.length);
            out.write(bytes);
        }
    }

    private static byte[] bytes(DataInputStream in) throws IOException {
        int length = in.readInt();
        return length < 0 ? null : in.readNBytes(length);
    }

    private static Map<String, Object> consumerConfig(String bootstrap) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 64 * 1024 * 1024);
        config.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 64 * 1024 * 1024);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return config;
    }

    private static void ensureTopic(String bootstrap, String topic, int partitions, short replication,
                                    Map<String, String> topicConfig) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, replication).configs(topicConfig))).all()
                    .get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create topic " + topic, e.getCause());
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot create topic " + topic, e);
        }
    }
}
