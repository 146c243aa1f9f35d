package io.xstore.command.eventstore;

import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The single writer thread. It takes every batch waiting at that moment as one group: checks each batch's aggregate
 * sequence numbers (a failing batch fails alone), numbers the accepted events densely, writes them, forces once
 * (under {@link FsyncPolicy#ALWAYS}), then publishes the new head and answers the waiters.
 */
final class LogWriter {

    private static final Logger log = LoggerFactory.getLogger(LogWriter.class);
    private static final Batch STOP = new Batch(List.of());

    private final EventLog eventLog;
    private final LinkedBlockingQueue<Batch> queue = new LinkedBlockingQueue<>();
    private final Object submitLock = new Object();
    private final Thread thread;
    private boolean accepting = true;
    private ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20);
    private IOException broken;

    LogWriter(EventLog eventLog) {
        this.eventLog = eventLog;
        this.thread = new Thread(this::run, "event-log-writer");
        thread.setDaemon(true);
        thread.start();
    }

    CompletableFuture<Long> submit(List<PendingEvent> events) {
        Batch batch = new Batch(events);
        synchronized (submitLock) {
            if (!accepting) {
                throw new EventStoreException("the event log is closed");
            }
            queue.add(batch);
        }
        return batch.done;
    }

    void stop() {
        synchronized (submitLock) {
            if (accepting) {
                accepting = false;
                queue.add(STOP);
            }
        }
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        List<Batch> group = new ArrayList<>();
        boolean stopping = false;
        while (!stopping) {
            try {
                group.add(queue.take());
            } catch (InterruptedException e) {
                continue;
            }
            queue.drainTo(group);
            stopping = group.remove(STOP);
            try {
                commit(group);
            } catch (RuntimeException | Error e) {
                log.error("event log: the writer failed on a group of {} batches", group.size(), e);
                group.forEach(batch -> batch.done.completeExceptionally(e));
            }
            group.clear();
        }
    }

    private void commit(List<Batch> group) {
        if (broken != null) {
            fail(group, "the event log is unusable after a failed write", broken);
            return;
        }
        try {
            rollIfFull();
        } catch (IOException e) {
            fail(group, "cannot start a new event log segment", e);
            return;
        }
        Segment segment = eventLog.activeSegment();
        long startSize = segment.size;
        long nextIndex = eventLog.locations.size();
        List<Batch> accepted = new ArrayList<>(group.size());
        Map<String, Long> groupSequences = new HashMap<>();
        try {
            buffer.clear();
            for (Batch batch : group) {
                RuntimeException conflict = check(batch, groupSequences);
                if (conflict != null) {
                    batch.done.completeExceptionally(conflict);
                    continue;
                }
                for (PendingEvent event : batch.events) {
                    RecordFormat.seal(event.frame(), nextIndex++);
                    put(segment, event.frame());
                }
                batch.lastIndex = nextIndex - 1;
                accepted.add(batch);
            }
            if (accepted.isEmpty()) {
                return;
            }
            buffer.flip();
            segment.write(buffer);
            if (eventLog.fsyncPolicy == FsyncPolicy.ALWAYS) {
                segment.force();
            }
        } catch (IOException e) {
            undo(segment, startSize);
            fail(group, "cannot write to the event log", e);
            return;
        }
        index(accepted, eventLog.activeOrdinal(), startSize);
        eventLog.publish(nextIndex - 1);
        for (Batch batch : accepted) {
            batch.done.complete(batch.lastIndex);
        }
    }

    /** Null when the batch's events follow the aggregates' last sequence numbers (groupSequences included). */
    private RuntimeException check(Batch batch, Map<String, Long> groupSequences) {
        Map<String, Long> batchSequences = new HashMap<>();
        for (PendingEvent event : batch.events) {
            if (!event.belongsToAggregate()) {
                continue;
            }
            String id = event.aggregateId();
            Long pending = batchSequences.get(id);
            if (pending == null) {
                pending = groupSequences.get(id);
            }
            long last = pending != null ? pending : eventLog.aggregates.lastWrittenSequence(id);
            long sequence = event.sequenceNumber();
            if (last != AggregateIndex.NONE) {
                if (sequence == 0) {
                    return new AggregateStreamCreationException(String.format(
                            "Cannot reuse aggregate identifier [%s] to create aggregate [%s] since identifiers need"
                                    + " to be unique.", id, event.aggregateType()));
                }
                if (sequence != last + 1) {
                    return new ConcurrencyException(String.format(
                            "An event for aggregate [%s] at sequence [%d] was already inserted (the stored stream"
                                    + " ends at sequence [%d])", id, sequence, last));
                }
            }
            batchSequences.put(id, sequence);
        }
        groupSequences.putAll(batchSequences);
        return null;
    }

    private void put(Segment segment, byte[] frame) throws IOException {
        if (frame.length > buffer.remaining()) {
            buffer.flip();
            segment.write(buffer);
            buffer.clear();
            if (frame.length > buffer.capacity()) {
                segment.write(ByteBuffer.wrap(frame));
                return;
            }
        }
        buffer.put(frame);
    }

    private void index(List<Batch> accepted, int ordinal, long startOffset) {
        long offset = startOffset;
        for (Batch batch : accepted) {
            for (PendingEvent event : batch.events) {
                long globalIndex = eventLog.locations.size();
                eventLog.locations.add(LocationIndex.pack(ordinal, offset));
                if (event.source() != null) {
                    eventLog.recent.remember(globalIndex, event.source());
                }
                if (event.belongsToAggregate()) {
                    eventLog.aggregates.add(event.aggregateId(), event.sequenceNumber(), globalIndex);
                }
                offset += event.frame().length;
            }
        }
    }

    private void rollIfFull() throws IOException {
        Segment active = eventLog.activeSegment();
        if (active.size < eventLog.segmentBytes) {
            return;
        }
        Segment next = Segment.create(eventLog.directory, eventLog.locations.size());
        FileSync.directory(eventLog.directory);
        // forced whatever the policy: a lost tail in a sealed segment could not be repaired at the next open
        active.seal();
        eventLog.addSegment(next);
    }

    private void undo(Segment segment, long size) {
        try {
            segment.truncate(size);
        } catch (IOException e) {
            broken = e;
            log.error("event log: cannot cut a failed write off {}; refusing further appends", segment.path, e);
        }
    }

    /** Fails the batches not answered yet. */
    private static void fail(List<Batch> batches, String message, IOException cause) {
        EventStoreException failure = new EventStoreException(message, cause);
        batches.forEach(batch -> batch.done.completeExceptionally(failure));
    }

    private static final class Batch {

        final List<PendingEvent> events;
        final CompletableFuture<Long> done = new CompletableFuture<>();
        long lastIndex;

        Batch(List<PendingEvent> events) {
            this.events = events;
        }
    }
}
