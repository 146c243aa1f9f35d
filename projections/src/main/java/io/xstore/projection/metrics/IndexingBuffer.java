package io.xstore.projection.metrics;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.LongSupplier;

/**
 * Documents, summary changes and log positions of the records processed since the last flush, shared by all stream
 * tasks of one indexer. A flush writes the documents in bulk (visible on return) while its own thread hands the
 * changed summaries to the {@link SummarySink} (a synchronous command, so the read models start on it without
 * waiting for Elasticsearch), and only when both are done marks the records processed in {@link IndexingProgress},
 * so a caller that waits for its records can read its writes. Flushes run one at a time (summaries too, in flush
 * order) and keep the log order of each target's records. Thread-safe.
 * <p>
 * Under load, records keep arriving while a flush runs; {@link #isDue} then holds the next flush back for as long
 * as the previous one took (at most {@link #MAX_GATHER_MS}), so bulk requests grow with the load instead of one
 * bulk-and-refresh per record. An idle indexer flushes a new record at once. Timed flushes run on a thread of their
 * own ({@link #flushWhenDue}), so the stream thread keeps reading while Elasticsearch writes; the stream thread
 * flushes itself only when the buffer is full or before a deletion.
 */
final class IndexingBuffer {

    private static final Logger log = LoggerFactory.getLogger(IndexingBuffer.class);
    static final long MAX_GATHER_MS = 100;

    private final EventIndexSink index;
    private final SummarySink summaries;
    private final IndexingProgress progress;
    private final Retrier retrier;
    private final int maxDocs;
    private final long maxBytes;
    private final Object flushLock = new Object();
    private final ExecutorService summaryThread = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "metric-indexer-summaries");
        thread.setDaemon(true);
        return thread;
    });

    private Map<String, EventWrite> writes = new LinkedHashMap<>();
    private List<PendingRecord> records = new ArrayList<>();
    private Map<String, TargetMetricsDelta> deltas = new LinkedHashMap<>();
    private long bytes;
    private long recordsAdded;
    /** Records flushed (or dropped by {@link #close()}); always the oldest ones, since flushes take everything. */
    private long recordsDone;
    private final LongSupplier clockMillis;
    private long lastFlushEndMs = Long.MIN_VALUE / 2;
    private long lastFlushMs;
    private boolean closed;
    private long firstAddedNanos;

    IndexingBuffer(EventIndexSink index, SummarySink summaries, IndexingProgress progress, Retrier retrier,
                   int maxDocs, long maxBytes, LongSupplier clockMillis) {
        this.clockMillis = clockMillis;
        this.index = index;
        this.summaries = summaries;
        this.progress = progress;
        this.retrier = retrier;
        this.maxDocs = maxDocs;
        this.maxBytes = maxBytes;
    }

    /** Adds a processed record; {@code delta} may be null, {@code size} is its approximate size in bytes. */
    synchronized void add(PendingRecord record, Collection<EventWrite> docs, TargetMetricsDelta delta, long size) {
        if (closed) {
            throw new IndexerStoppedException("indexing buffer closed");
        }
        for (EventWrite doc : docs) {
            writes.remove(doc.documentKey());
            writes.put(doc.documentKey(), doc);
        }
        if (records.isEmpty()) {
            firstAddedNanos = System.nanoTime();
        }
        records.add(record);
        recordsAdded++;
        if (delta != null) {
            TargetMetricsDelta earlier = deltas.get(delta.target());
            if (earlier == null) {
                deltas.put(delta.target(), delta);
            } else {
                earlier.merge(delta);
            }
        }
        bytes += size;
        notifyAll();
    }

    synchronized boolean isFull() {
        return writes.size() >= maxDocs || bytes >= maxBytes;
    }

    synchronized boolean isEmpty() {
        return records.isEmpty();
    }

    /** Whether a timed flush should run now: something is buffered and the gathering time since the last is over. */
    synchronized boolean isDue() {
        return !records.isEmpty() && gatheringLeftMs() <= 0;
    }

    private long gatheringLeftMs() {
        return Math.min(lastFlushMs, MAX_GATHER_MS) - (clockMillis.getAsLong() - lastFlushEndMs);
    }

    /**
     * Flushes whenever {@link #isDue} becomes true, sleeping in between; returns when the buffer is closed or the
     * indexer stops. For the indexer's flush thread.
     */
    void flushWhenDue() {
        while (true) {
            synchronized (this) {
                try {
                    while (!closed && !isDue()) {
                        wait(records.isEmpty() ? 0 : Math.max(1, gatheringLeftMs()));
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                if (closed) {
                    return;
                }
            }
            try {
                flush();
            } catch (IndexerStoppedException e) {
                return;
            }
        }
    }

    /** Writes out everything buffered so far; returns when done (retrying while the index is unreachable). */
    void flush() {
        synchronized (flushLock) {
            List<EventWrite> flushWrites;
            List<PendingRecord> flushRecords;
            Collection<TargetMetricsDelta> flushDeltas;
            long firstAdded;
            synchronized (this) {
                if (closed) {
                    throw new IndexerStoppedException("indexing buffer closed");
                }
                if (records.isEmpty()) {
                    return;
                }
                flushWrites = new ArrayList<>(writes.values());
                flushRecords = records;
                flushDeltas = deltas.values();
                firstAdded = firstAddedNanos;
                writes = new LinkedHashMap<>();
                records = new ArrayList<>();
                deltas = new LinkedHashMap<>();
                bytes = 0;
            }
            long started = clockMillis.getAsLong();
            long writing = System.nanoTime();
            CompletableFuture<Long> published = publishAside(flushDeltas);
            try {
                for (List<EventWrite> bulk : bulks(flushWrites)) {
                    write(bulk);
                }
                long written = System.nanoTime();
                long publishedAt = published.join();
                if (log.isDebugEnabled()) {
                    log.debug("flushed {} records ({} documents) {} ms after the first arrived: bulk {} ms, "
                                    + "summaries done {} ms after it", flushRecords.size(), flushWrites.size(),
                            (writing - firstAdded) / 1_000_000, (written - writing) / 1_000_000,
                            Math.max(0, publishedAt - written) / 1_000_000);
                }
                for (PendingRecord record : flushRecords) {
                    record.markFlushed();
                    progress.markProcessed(record.partition(), record.offset(), 0);
                }
            } finally {
                synchronized (this) {
                    recordsDone += flushRecords.size();
                    lastFlushEndMs = clockMillis.getAsLong();
                    lastFlushMs = lastFlushEndMs - started;
                    notifyAll();
                }
            }
        }
    }

    /** Splits the documents into bulk requests of at most {@code maxDocs} documents and about {@code maxBytes}. */
    private List<List<EventWrite>> bulks(List<EventWrite> docs) {
        List<List<EventWrite>> bulks = new ArrayList<>();
        int from = 0;
        long bulkBytes = 0;
        for (int i = 0; i < docs.size(); i++) {
            long docBytes = docs.get(i).approximateBytes();
            if (i > from && (i - from >= maxDocs || bulkBytes + docBytes > maxBytes)) {
                bulks.add(docs.subList(from, i));
                from = i;
                bulkBytes = 0;
            }
            bulkBytes += docBytes;
        }
        if (from < docs.size()) {
            bulks.add(docs.subList(from, docs.size()));
        }
        return bulks;
    }

    private void write(List<EventWrite> docs) {
        String what = "indexing " + docs.size() + " metric events";
        List<EventWrite> remaining = docs;
        for (int attempt = 1; !remaining.isEmpty(); attempt++) {
            List<EventWrite> sending = remaining;
            remaining = retrier.call(what, () -> index.write(sending));
            if (!remaining.isEmpty()) {
                retrier.pause(what, attempt, remaining.size() + " of " + sending.size()
                        + " documents rejected for now");
            }
        }
    }

    /**
     * Publishes on the summary thread, in flush order; completes with the {@code nanoTime} when done. Inline when
     * there is nothing live to publish or the buffer is closing.
     */
    private CompletableFuture<Long> publishAside(Collection<TargetMetricsDelta> changed) {
        if (changed.stream().noneMatch(TargetMetricsDelta::live)) {
            return CompletableFuture.completedFuture(System.nanoTime());
        }
        try {
            return CompletableFuture.supplyAsync(() -> {
                publish(changed);
                return System.nanoTime();
            }, summaryThread);
        } catch (RejectedExecutionException e) {
            publish(changed);
            return CompletableFuture.completedFuture(System.nanoTime());
        }
    }

    private void publish(Collection<TargetMetricsDelta> changed) {
        for (TargetMetricsDelta delta : changed) {
            if (!delta.live()) {
                continue;
            }
            try {
                summaries.publish(delta.toTargetMetrics());
            } catch (RuntimeException e) {
                log.warn("metric summary of {} not recorded: {}", delta.target(), Retrier.describe(e));
            }
        }
    }

    /** Waits until every record added before the call is flushed; false on timeout. */
    synchronized boolean awaitDrained(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long target = recordsAdded;
        while (recordsDone < target) {
            long remainingMs = Duration.ofNanos(deadline - System.nanoTime()).toMillis();
            if (remainingMs <= 0) {
                return false;
            }
            wait(remainingMs);
        }
        return true;
    }

    /** Drops what is buffered (it is recovered from the event log or the pending-records store) and refuses more. */
    synchronized void close() {
        closed = true;
        summaryThread.shutdown();
        recordsDone = recordsAdded;
        writes = new LinkedHashMap<>();
        records = new ArrayList<>();
        deltas = new LinkedHashMap<>();
        bytes = 0;
        notifyAll();
    }
}
