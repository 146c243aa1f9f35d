package io.xstore.projection.metrics;

import io.xstore.api.metrics.MetricEventBatch;
import io.xstore.api.metrics.MetricEventsDeletion;
import io.xstore.api.metrics.MetricLogEntry;
import io.xstore.api.metrics.MetricSummary;
import io.xstore.readmodel.events.MetricLogCodec;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.Cancellable;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Indexes the records of one partition of the metric event log. A batch becomes documents in the shared
 * {@link IndexingBuffer} and updates the series summaries; a copy of the record stays in the pending-records store
 * until its documents are written, because Streams may commit the record's offset before the next flush (after a
 * crash the copies are indexed again). A deletion first flushes everything buffered, so it applies after the
 * events logged before it, then runs at once. Timed flushes (see {@link IndexingBuffer#isDue}) run on the indexer's
 * flush thread, or here from a timer when there is none; this processor flushes itself when the buffer is full.
 */
final class MetricLogProcessor implements Processor<String, byte[], Void, Void> {

    private static final Logger log = LoggerFactory.getLogger(MetricLogProcessor.class);

    private final IndexerParts parts;
    private final Deque<PendingRecord> unflushed = new ArrayDeque<>();
    private ProcessorContext<Void, Void> context;
    private SeriesSummaries summaries;
    private KeyValueStore<String, byte[]> pending;
    private boolean recovered;
    private Cancellable timer;

    MetricLogProcessor(IndexerParts parts) {
        this.parts = parts;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.context = context;
        this.summaries = new SeriesSummaries(context.getStateStore(MetricIndexerTopology.SUMMARY_STORE));
        this.pending = context.getStateStore(MetricIndexerTopology.PENDING_STORE);
        startTimer();
    }

    @Override
    public void process(Record<String, byte[]> record) {
        recoverOnce();
        RecordMetadata position = context.recordMetadata()
                .orElseThrow(() -> new IllegalStateException("a log record without position"));
        int partition = position.partition();
        long offset = position.offset();
        MetricLogEntry entry = decode(record.value(), partition, offset);
        if (entry != null && entry.deletion() != null) {
            delete(entry.deletion(), partition, offset);
        } else if (entry != null && entry.batch() != null) {
            index(entry.batch(), partition, offset, record.value(), true);
        } else {
            enqueue(new PendingRecord(partition, offset, null), List.of(), null, 0);
        }
    }

    private MetricLogEntry decode(byte[] value, int partition, long offset) {
        if (value == null) {
            log.warn("skipped empty metric log record {}/{}", partition, offset);
            return null;
        }
        try {
            return MetricLogCodec.decode(value);
        } catch (IllegalArgumentException e) {
            log.error("skipped unreadable metric log record {}/{}: {}", partition, offset, Retrier.describe(e));
            return null;
        }
    }

    /** {@code fresh} false when re-indexing a copy after a restart: the summaries already include it. */
    private void index(MetricEventBatch batch, int partition, long offset, byte[] bytes, boolean fresh) {
        String walKey = walKey(partition, offset);
        if (fresh) {
            pending.put(walKey, bytes);
        }
        List<EventWrite> docs = List.of();
        TargetMetricsDelta delta = null;
        try {
            docs = EventDocuments.of(batch, partition, offset);
            List<MetricSummary> changed = fresh
                    ? summaries.apply(batch.target(), batch.events())
                    : summaries.current(batch.target(), batch.events());
            delta = TargetMetricsDelta.of(batch, changed, parts.boundary().isLive(partition, offset));
        } catch (KafkaException | IndexerStoppedException e) {
            throw e;
        } catch (RuntimeException e) {
            log.error("skipped metric log record {}/{} of {}: {}", partition, offset, batch.target(),
                    Retrier.describe(e), e);
        }
        enqueue(new PendingRecord(partition, offset, walKey), docs, delta, bytes.length);
    }

    private void enqueue(PendingRecord record, List<EventWrite> docs, TargetMetricsDelta delta, long size) {
        unflushed.add(record);
        parts.buffer().add(record, docs, delta, size);
        if (parts.buffer().isFull() || timedFlushDue()) {
            flush();
        }
        if (!unflushed.isEmpty()) {
            startTimer();
        }
    }

    private void delete(MetricEventsDeletion deletion, int partition, long offset) {
        flush();
        long deleted = parts.deletions().execute(deletion, parts.boundary().isLive(partition, offset));
        if (deletion.scope() == MetricEventsDeletion.Scope.ALL) {
            summaries.forget(deletion.target());
        }
        parts.progress().markProcessed(partition, offset, deleted);
    }

    /**
     * Runs only while this task has records waiting to be written or copies to drop: an idle indexer neither wakes
     * up nor makes Streams commit empty transactions.
     */
    private void punctuate() {
        recoverOnce();
        if (timedFlushDue()) {
            flush();
        } else {
            dropFlushedCopies();
        }
        if (unflushed.isEmpty() && timer != null) {
            timer.cancel();
            timer = null;
        }
    }

    private boolean timedFlushDue() {
        return !parts.flushThread() && parts.buffer().isDue();
    }

    private void startTimer() {
        if (timer == null) {
            timer = context.schedule(parts.flushInterval(), PunctuationType.WALL_CLOCK_TIME, now -> punctuate());
        }
    }

    private void flush() {
        parts.buffer().flush();
        dropFlushedCopies();
    }

    private void dropFlushedCopies() {
        while (!unflushed.isEmpty() && unflushed.peekFirst().flushed()) {
            String walKey = unflushed.pollFirst().walKey();
            if (walKey != null) {
                pending.delete(walKey);
            }
        }
    }

    /** Re-indexes the records a previous run processed (and committed) without writing their documents. */
    private void recoverOnce() {
        if (recovered) {
            return;
        }
        recovered = true;
        List<KeyValue<String, byte[]>> copies = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> all = pending.all()) {
            all.forEachRemaining(copies::add);
        }
        if (copies.isEmpty()) {
            return;
        }
        log.info("indexing {} metric log records left unwritten by the previous run", copies.size());
        for (KeyValue<String, byte[]> copy : copies) {
            String[] position = copy.key.split(":");
            int partition = Integer.parseInt(position[0]);
            long offset = Long.parseLong(position[1]);
            MetricLogEntry entry = decode(copy.value, partition, offset);
            if (entry != null && entry.batch() != null) {
                index(entry.batch(), partition, offset, copy.value, false);
            } else {
                pending.delete(copy.key);
            }
        }
    }

    static String walKey(int partition, long offset) {
        return partition + ":" + String.format("%019d", offset);
    }

    @Override
    public void close() {
        try {
            parts.buffer().flush();
        } catch (IndexerStoppedException e) {
            log.info("metric indexer stopped with unwritten documents; they are indexed on the next start");
        }
    }
}
