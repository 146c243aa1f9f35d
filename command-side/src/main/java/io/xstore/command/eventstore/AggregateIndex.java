package io.xstore.command.eventstore;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Aggregate id to the global indexes of its events. An aggregate's sequence numbers are dense from its first
 * event (the writer refuses anything else), so the event with sequence number {@code s} is entry
 * {@code s - firstSequence}.
 * <p>
 * Written by one thread (the writer, or the opening scan); read by any, which only trust indexes up to the head
 * they saw.
 */
final class AggregateIndex {

    static final long NONE = Long.MIN_VALUE;

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

    /** Sequence number of the newest event written for the aggregate, published or not; {@link #NONE} if none. */
    long lastWrittenSequence(String aggregateId) {
        Entry entry = entries.get(aggregateId);
        return entry == null ? NONE : entry.firstSequence + entry.count - 1;
    }

    /** Records the next event of an aggregate; its sequence number must follow the last one. */
    void add(String aggregateId, long sequenceNumber, long globalIndex) {
        Entry entry = entries.get(aggregateId);
        if (entry == null) {
            entries.put(aggregateId, new Entry(sequenceNumber, globalIndex));
            return;
        }
        long expected = entry.firstSequence + entry.count;
        if (sequenceNumber != expected) {
            throw new IllegalStateException("aggregate " + aggregateId + ": event " + globalIndex + " has sequence "
                    + sequenceNumber + ", expected " + expected);
        }
        entry.append(globalIndex);
    }

    /** Newest sequence number among the aggregate's events at or below {@code head}; {@link #NONE} if none. */
    long lastSequence(String aggregateId, long head) {
        Entry entry = entries.get(aggregateId);
        if (entry == null) {
            return NONE;
        }
        int count = entry.count;
        long[] indexes = entry.indexes;
        int visible = count;
        while (visible > 0 && indexes[visible - 1] > head) {
            visible--;
        }
        return visible == 0 ? NONE : entry.firstSequence + visible - 1;
    }

    /** Global indexes of the aggregate's events from {@code firstSequence} on, at or below {@code head}. */
    long[] indexesFrom(String aggregateId, long firstSequence, long head) {
        Entry entry = entries.get(aggregateId);
        if (entry == null) {
            return new long[0];
        }
        int count = entry.count;
        long[] indexes = entry.indexes;
        int from = (int) Math.max(0, Math.min(count, firstSequence - entry.firstSequence));
        int to = count;
        while (to > from && indexes[to - 1] > head) {
            to--;
        }
        return Arrays.copyOfRange(indexes, from, to);
    }

    int aggregateCount() {
        return entries.size();
    }

    private static final class Entry {

        final long firstSequence;
        // the array is replaced before count grows past its old length, so a reader that reads count first and
        // the array second never looks past the array's end
        volatile long[] indexes;
        volatile int count;

        Entry(long firstSequence, long globalIndex) {
            this.firstSequence = firstSequence;
            this.indexes = new long[]{globalIndex, 0};
            this.count = 1;
        }

        void append(long globalIndex) {
            long[] current = indexes;
            int n = count;
            if (n == current.length) {
                current = Arrays.copyOf(current, n + (n >> 1) + 2);
                indexes = current;
            }
            current[n] = globalIndex;
            count = n + 1;
        }
    }
}
