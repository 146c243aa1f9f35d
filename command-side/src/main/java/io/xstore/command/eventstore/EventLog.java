package io.xstore.command.eventstore;

import org.axonframework.common.Registration;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongConsumer;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The append-only event log below the Axon adapter: segment files, in-memory indexes, a group-committing writer.
 * Knows nothing of serializers; records go in encoded ({@link PendingEvent}) and come out as {@link StoredEvent}.
 * <p>
 * Visibility: a record can be read once the head covers it, and the head moves only after the record is written
 * (and forced, under {@link FsyncPolicy#ALWAYS}).
 */
final class EventLog implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EventLog.class);
    static final long DEFAULT_SEGMENT_BYTES = 64L * 1024 * 1024;

    final Path directory;
    final FsyncPolicy fsyncPolicy;
    final long segmentBytes;
    final LocationIndex locations = new LocationIndex();
    final AggregateIndex aggregates = new AggregateIndex();
    final RecentEvents recent = new RecentEvents();
    private volatile Segment[] segments;
    private volatile long head;
    private final List<LongConsumer> listeners = new CopyOnWriteArrayList<>();
    private final LogWriter writer;

    private EventLog(Path directory, FsyncPolicy fsyncPolicy, long segmentBytes) throws IOException {
        this.directory = directory;
        this.fsyncPolicy = fsyncPolicy;
        this.segmentBytes = segmentBytes;
        long started = System.nanoTime();
        this.segments = LogRecovery.recover(directory, locations, aggregates).toArray(new Segment[0]);
        this.head = locations.size() - 1;
        log.info("event log {}: {} events of {} aggregates in {} segment(s), opened in {} ms", directory,
                head + 1, aggregates.aggregateCount(), segments.length, (System.nanoTime() - started) / 1_000_000);
        this.writer = new LogWriter(this);
    }

    static EventLog open(Path directory, FsyncPolicy fsyncPolicy, long segmentBytes) {
        try {
            return new EventLog(directory, fsyncPolicy, segmentBytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the event log in " + directory, e);
        }
    }

    /** Queues a batch for the writer; completes with the batch's last global index once it is visible. */
    CompletableFuture<Long> submit(List<PendingEvent> events) {
        return writer.submit(events);
    }

    /** Newest readable global index; -1 when the log is empty. */
    long head() {
        return head;
    }

    Registration onAppended(LongConsumer listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** The records from {@code from} to {@code to}, both inclusive, clipped to the head; read lazily. */
    Stream<StoredEvent> read(long from, long to) {
        long start = Math.max(0, from);
        long end = Math.min(to, head);
        if (start > end) {
            return Stream.empty();
        }
        long count = end - start + 1;
        // sized for the range: a tracking processor opens a stream for every few new events
        int bufferSize = (int) Math.min(256 * 1024, Math.max(4 * 1024, count * 1024));
        return StreamSupport.stream(new LogCursor(this, LongStream.rangeClosed(start, end).iterator(), count,
                bufferSize), false);
    }

    /** The visible events of an aggregate from sequence number {@code firstSequence} on. */
    Stream<StoredEvent> readAggregate(String aggregateId, long firstSequence) {
        long[] indexes = aggregates.indexesFrom(aggregateId, firstSequence, head);
        if (indexes.length == 0) {
            return Stream.empty();
        }
        return StreamSupport.stream(new LogCursor(this, Arrays.stream(indexes).iterator(), indexes.length,
                4 * 1024), false);
    }

    OptionalLong lastSequence(String aggregateId) {
        long last = aggregates.lastSequence(aggregateId, head);
        return last == AggregateIndex.NONE ? OptionalLong.empty() : OptionalLong.of(last);
    }

    /** The lowest visible index whose timestamp is at or after {@code instant}; empty if none (a full scan). */
    OptionalLong firstIndexAtOrAfter(Instant instant) {
        try (Stream<StoredEvent> all = read(0, head)) {
            return all.filter(event -> !event.getTimestamp().isBefore(instant))
                    .mapToLong(StoredEvent::globalIndex)
                    .findFirst();
        }
    }

    long location(long globalIndex) {
        return locations.get(globalIndex);
    }

    Segment segment(int ordinal) {
        return segments[ordinal];
    }

    Segment activeSegment() {
        Segment[] current = segments;
        return current[current.length - 1];
    }

    int activeOrdinal() {
        return segments.length - 1;
    }

    /** Writer only. */
    void addSegment(Segment segment) {
        Segment[] current = segments;
        Segment[] grown = Arrays.copyOf(current, current.length + 1);
        grown[current.length] = segment;
        segments = grown;
    }

    /** Writer only: makes everything up to {@code newHead} readable and tells the listeners. */
    void publish(long newHead) {
        head = newHead;
        for (LongConsumer listener : listeners) {
            try {
                listener.accept(newHead);
            } catch (RuntimeException e) {
                log.warn("event log: an append listener failed", e);
            }
        }
    }

    /** Stops the writer after the batches already queued, forces and closes the files. */
    @Override
    public void close() {
        writer.stop();
        IOException failure = null;
        for (Segment segment : segments) {
            try {
                segment.close();
            } catch (IOException e) {
                failure = e;
            }
        }
        if (failure != null) {
            throw new EventStoreException("event log: closing " + directory + " failed", failure);
        }
    }
}
