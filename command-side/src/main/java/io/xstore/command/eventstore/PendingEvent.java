package io.xstore.command.eventstore;

import java.time.Instant;

/**
 * An event encoded by the appending thread, waiting for the writer to give it a global index.
 *
 * @param frame         the complete record frame; the writer seals it (index and checksum) in place
 * @param aggregateType null when the event belongs to no aggregate (then no sequence check applies)
 * @param source        the event as the appender had it (kept among the {@link RecentEvents}), or null
 */
record PendingEvent(byte[] frame, String aggregateType, String aggregateId, long sequenceNumber, Object source) {

    static PendingEvent of(String aggregateType, String aggregateId, long sequenceNumber, String eventId,
                           Instant timestamp, String payloadType, String payloadRevision,
                           byte[] payload, byte[] metaData) {
        byte[] frame = RecordFormat.encode(-1, aggregateType, aggregateId, sequenceNumber, eventId, timestamp,
                payloadType, payloadRevision, payload, metaData);
        return new PendingEvent(frame, aggregateType, aggregateId, sequenceNumber, null);
    }

    PendingEvent withSource(Object event) {
        return new PendingEvent(frame, aggregateType, aggregateId, sequenceNumber, event);
    }

    boolean belongsToAggregate() {
        return aggregateType != null;
    }
}
