package io.xstore.command.eventstore;

import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.SerializedMetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * One record of the log as Axon's upcasters and serializers consume it. The timestamp is kept as the exact
 * {@link Instant} (Axon's JPA entries go through a millisecond string instead).
 * <p>
 * An event that belongs to no aggregate has a null {@link #getType() type}, its own id as aggregate id and sequence
 * number 0, as Axon's JPA engine stores it.
 */
public final class StoredEvent implements TrackedEventData<byte[]>, DomainEventData<byte[]> {

    /** Stands in for metadata a legacy row did not have (Axon always writes some; the events are JSON). */
    private static final byte[] EMPTY_META_DATA = "{}".getBytes(StandardCharsets.UTF_8);

    private final long globalIndex;
    private final String aggregateType;
    private final String aggregateId;
    private final long sequenceNumber;
    private final String eventId;
    private final Instant timestamp;
    private final String payloadType;
    private final String payloadRevision;
    private final byte[] payload;
    private final byte[] metaData;

    StoredEvent(long globalIndex, String aggregateType, String aggregateId, long sequenceNumber, String eventId,
                Instant timestamp, String payloadType, String payloadRevision, byte[] payload, byte[] metaData) {
        this.globalIndex = globalIndex;
        this.aggregateType = aggregateType;
        this.aggregateId = aggregateId;
        this.sequenceNumber = sequenceNumber;
        this.eventId = eventId;
        this.timestamp = timestamp;
        this.payloadType = payloadType;
        this.payloadRevision = payloadRevision;
        this.payload = payload;
        this.metaData = metaData;
    }

    /** 0-based position in the log; -1 for a snapshot. */
    public long globalIndex() {
        return globalIndex;
    }

    @Override
    public TrackingToken trackingToken() {
        return new GlobalSequenceTrackingToken(globalIndex);
    }

    @Override
    public String getType() {
        return aggregateType;
    }

    @Override
    public String getAggregateIdentifier() {
        return aggregateId;
    }

    @Override
    public long getSequenceNumber() {
        return sequenceNumber;
    }

    @Override
    public String getEventIdentifier() {
        return eventId;
    }

    @Override
    public Instant getTimestamp() {
        return timestamp;
    }

    public String payloadType() {
        return payloadType;
    }

    public String payloadRevision() {
        return payloadRevision;
    }

    /** The stored payload bytes (not a copy). */
    public byte[] payloadBytes() {
        return payload;
    }

    /** The stored metadata bytes (not a copy); null if none were stored. */
    public byte[] metaDataBytes() {
        return metaData;
    }

    @Override
    public SerializedObject<byte[]> getMetaData() {
        return new SerializedMetaData<>(metaData == null ? EMPTY_META_DATA : metaData, byte[].class);
    }

    @Override
    public SerializedObject<byte[]> getPayload() {
        return new SimpleSerializedObject<>(payload, byte[].class, payloadType, payloadRevision);
    }

    @Override
    public String toString() {
        return "StoredEvent{" + globalIndex + ", " + aggregateType + "/" + aggregateId + "#" + sequenceNumber
                + ", " + payloadType + "}";
    }
}
