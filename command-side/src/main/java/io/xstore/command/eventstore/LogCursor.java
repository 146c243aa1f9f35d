package io.xstore.command.eventstore;

import org.axonframework.eventsourcing.eventstore.EventStoreException;

import java.nio.ByteBuffer;
import java.util.PrimitiveIterator;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;

/**
 * Reads the records of the given global indexes, in that order, on demand. Consecutive records are served from one
 * positional read into a private buffer, so a forward scan costs one read per buffer, not one per record.
 * One cursor belongs to one thread; any number of cursors may read concurrently.
 */
final class LogCursor extends Spliterators.AbstractSpliterator<StoredEvent> {

    private final EventLog log;
    private final PrimitiveIterator.OfLong indexes;
    private ByteBuffer buffer;
    private int bufferSegment = -1;
    private long bufferStart;
    private int bufferValid;

    LogCursor(EventLog log, PrimitiveIterator.OfLong indexes, long estimatedSize, int bufferSize) {
        super(estimatedSize, Spliterator.ORDERED | Spliterator.NONNULL);
        this.log = log;
        this.indexes = indexes;
        this.buffer = ByteBuffer.allocate(bufferSize);
    }

    @Override
    public boolean tryAdvance(Consumer<? super StoredEvent> action) {
        if (!indexes.hasNext()) {
            return false;
        }
        action.accept(read(indexes.nextLong()));
        return true;
    }

    private StoredEvent read(long globalIndex) {
        long location = log.location(globalIndex);
        int segment = LocationIndex.segment(location);
        long offset = LocationIndex.offset(location);
        ensure(globalIndex, segment, offset, RecordFormat.FRAME_HEADER);
        int length = buffer.getInt((int) (offset - bufferStart));
        ensure(globalIndex, segment, offset, RecordFormat.FRAME_HEADER + length);
        int at = (int) (offset - bufferStart);
        // records were checked when written or when the log was opened; reads skip the checksum
        buffer.limit(at + RecordFormat.FRAME_HEADER + length).position(at + RecordFormat.FRAME_HEADER);
        StoredEvent event = RecordFormat.decode(buffer);
        buffer.limit(buffer.capacity());
        if (event.globalIndex() != globalIndex) {
            throw new EventStoreException("event log: found index " + event.globalIndex() + " where "
                    + globalIndex + " was expected");
        }
        return event;
    }

    private void ensure(long globalIndex, int segment, long offset, int length) {
        if (segment == bufferSegment && offset >= bufferStart && offset + length <= bufferStart + bufferValid) {
            return;
        }
        if (length > buffer.capacity()) {
            buffer = ByteBuffer.allocate(Math.max(length, buffer.capacity() * 2));
        }
        buffer.clear();
        bufferSegment = segment;
        bufferStart = offset;
        bufferValid = log.segment(segment).reader.read(buffer, offset);
        if (bufferValid < length) {
            bufferSegment = -1;
            throw new EventStoreException("event log: record " + globalIndex + " is cut short in segment "
                    + log.segment(segment).path.getFileName());
        }
    }
}
