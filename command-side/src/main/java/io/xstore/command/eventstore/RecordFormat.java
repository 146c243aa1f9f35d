package io.xstore.command.eventstore;

import org.axonframework.eventsourcing.eventstore.EventStoreException;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.zip.CRC32;

/**
 * The on-disk layout shared by the event segments and the snapshot file.
 * <p>
 * A record is framed as {@code [int bodyLength][int crc32(body)][body]}, big-endian. The body starts with a fixed
 * part (global index, timestamp, aggregate sequence number) so that scans can read those without decoding the
 * strings, then the variable part:
 * <pre>
 * long   globalIndex        (-1 in the snapshot file)
 * long   epochSecond
 * int    nano
 * long   sequenceNumber
 * str    aggregateType      (null for an event that does not belong to an aggregate)
 * str    aggregateId
 * str    eventId
 * str    payloadType
 * str    payloadRevision    (nullable)
 * bytes  payload
 * bytes  metaData           (nullable)
 * </pre>
 * {@code str} and {@code bytes} are an int length (-1 for null) followed by that many bytes (UTF-8 for strings).
 */
final class RecordFormat {

    static final int FRAME_HEADER = 8;
    static final int INDEX_OFFSET = FRAME_HEADER;
    static final int FIXED_BODY = 8 + 8 + 4 + 8;
    static final int MIN_BODY = FIXED_BODY + 5 * 4 + 2 * 4;
    /** A length above this is a torn or corrupt frame rather than a real record. */
    static final int MAX_BODY = 256 * 1024 * 1024;

    private RecordFormat() {
    }

    /** A complete frame whose global index is still to be assigned and whose checksum is still to be computed. */
    static byte[] encode(long globalIndex, String aggregateType, String aggregateId, long sequenceNumber,
                         String eventId, Instant timestamp, String payloadType, String payloadRevision,
                         byte[] payload, byte[] metaData) {
        byte[] type = utf8(aggregateType);
        byte[] aggregate = utf8(aggregateId);
        byte[] event = utf8(eventId);
        byte[] payloadTypeBytes = utf8(payloadType);
        byte[] revision = utf8(payloadRevision);
        long bodyLength = (long) FIXED_BODY + sized(type) + sized(aggregate) + sized(event)
                + sized(payloadTypeBytes) + sized(revision) + sized(payload) + sized(metaData);
        if (bodyLength > MAX_BODY) {
            // the opening scan would take a longer record for a torn one and cut it off
            throw new EventStoreException("event " + eventId + " is too large to store: " + bodyLength + " bytes");
        }
        ByteBuffer frame = ByteBuffer.allocate(FRAME_HEADER + (int) bodyLength);
        frame.putInt((int) bodyLength).putInt(0);
        frame.putLong(globalIndex).putLong(timestamp.getEpochSecond()).putInt(timestamp.getNano())
                .putLong(sequenceNumber);
        put(frame, type);
        put(frame, aggregate);
        put(frame, event);
        put(frame, payloadTypeBytes);
        put(frame, revision);
        put(frame, payload);
        put(frame, metaData);
        return frame.array();
    }

    /** Writes the global index into an encoded frame and seals it with the body's checksum. */
    static void seal(byte[] frame, long globalIndex) {
        ByteBuffer buffer = ByteBuffer.wrap(frame);
        buffer.putLong(INDEX_OFFSET, globalIndex);
        buffer.putInt(4, checksum(frame, FRAME_HEADER, frame.length - FRAME_HEADER));
    }

    static int checksum(byte[] bytes, int offset, int length) {
        CRC32 crc = new CRC32();
        crc.update(bytes, offset, length);
        return (int) crc.getValue();
    }

    static int checksum(ByteBuffer body) {
        CRC32 crc = new CRC32();
        crc.update(body);
        return (int) crc.getValue();
    }

    /** Decodes the body that starts at the buffer's position; the position ends after the body. */
    static StoredEvent decode(ByteBuffer body) {
        long globalIndex = body.getLong();
        long epochSecond = body.getLong();
        int nano = body.getInt();
        long sequenceNumber = body.getLong();
        String aggregateType = string(body);
        String aggregateId = string(body);
        String eventId = string(body);
        String payloadType = string(body);
        String payloadRevision = string(body);
        byte[] payload = bytes(body);
        byte[] metaData = bytes(body);
        return new StoredEvent(globalIndex, aggregateType, aggregateId, sequenceNumber, eventId,
                Instant.ofEpochSecond(epochSecond, nano), payloadType, payloadRevision, payload, metaData);
    }

    /** The aggregate type of a body at the buffer's position, leaving the position after it. */
    static String skipToAggregateType(ByteBuffer body) {
        body.position(body.position() + FIXED_BODY);
        return string(body);
    }

    static String string(ByteBuffer buffer) {
        byte[] bytes = bytes(buffer);
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    private static byte[] bytes(ByteBuffer buffer) {
        int length = buffer.getInt();
        if (length < 0) {
            return null;
        }
        byte[] bytes = new byte[length];
        buffer.get(bytes);
        return bytes;
    }

    private static byte[] utf8(String value) {
        return value == null ? null : value.getBytes(StandardCharsets.UTF_8);
    }

    private static int sized(byte[] bytes) {
        return 4 + (bytes == null ? 0 : bytes.length);
    }

    private static void put(ByteBuffer buffer, byte[] bytes) {
        if (bytes == null) {
            buffer.putInt(-1);
        } else {
            buffer.putInt(bytes.length).put(bytes);
        }
    }
}
