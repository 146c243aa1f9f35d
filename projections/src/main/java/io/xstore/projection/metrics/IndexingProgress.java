package io.xstore.projection.metrics;

import io.xstore.api.metrics.LogPosition;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which records of the metric event log have been indexed, for callers that wait to read their own writes. The
 * indexer handles each partition in offset order, so per partition it is enough to remember the highest offset
 * processed; deletions also leave the number of documents they deleted, kept for the most recent
 * {@value #KEPT_DELETION_COUNTS} deletions. Thread-safe.
 */
public final class IndexingProgress {

    static final int KEPT_DELETION_COUNTS = 10_000;

    private final Map<Integer, Long> processedUpTo = new HashMap<>();
    private final Map<LogPosition, Long> deletedCounts = new LinkedHashMap<>(64, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<LogPosition, Long> eldest) {
            return size() > KEPT_DELETION_COUNTS;
        }
    };

    /** Records that the entry at (partition, offset) is indexed; {@code deleted}: documents a deletion removed. */
    public synchronized void markProcessed(int partition, long offset, long deleted) {
        processedUpTo.merge(partition, offset, Math::max);
        if (deleted > 0) {
            deletedCounts.put(new LogPosition(partition, offset), deleted);
        }
        notifyAll();
    }

    public synchronized boolean isProcessed(LogPosition position) {
        Long upTo = processedUpTo.get(position.partition());
        return upTo != null && upTo >= position.offset();
    }

    /** The highest offset processed in a partition, -1 if none yet. */
    public synchronized long processedUpTo(int partition) {
        return processedUpTo.getOrDefault(partition, -1L);
    }

    /**
     * Blocks until every position is processed and returns the number of documents the deletions among them deleted.
     *
     * @throws IndexingTimeoutException if that takes longer than {@code timeout}
     */
    public synchronized long awaitProcessed(Collection<LogPosition> positions, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<LogPosition> pending = new ArrayList<>(positions);
        while (true) {
            pending.removeIf(this::isProcessed);
            if (pending.isEmpty()) {
                break;
            }
            long remainingMs = Duration.ofNanos(deadline - System.nanoTime()).toMillis();
            if (remainingMs <= 0) {
                throw new IndexingTimeoutException("metric events not indexed within " + timeout.toMillis()
                        + " ms: " + pending.size() + " of " + positions.size() + " log records pending, first "
                        + pending.get(0));
            }
            try {
                wait(remainingMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IndexingTimeoutException("interrupted while waiting for metric events to be indexed");
            }
        }
        long deleted = 0;
        for (LogPosition position : positions) {
            deleted += deletedCounts.getOrDefault(position, 0L);
        }
        return deleted;
    }
}
