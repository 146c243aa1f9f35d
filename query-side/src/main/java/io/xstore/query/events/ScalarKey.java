package io.xstore.query.events;

import io.xstore.readmodel.events.EventFields;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The x axis of scalar series: the iteration, the event time in epoch ms, or the event time as an ISO string. */
public enum ScalarKey {
    ITER("iter", EventFields.ITER),
    TIMESTAMP("timestamp", EventFields.TIMESTAMP),
    ISO_TIME("iso_time", EventFields.TIMESTAMP);

    /** Elasticsearch's {@code strict_date_time}, as the reference formats iso_time keys. */
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final String wireName;
    private final String field;

    ScalarKey(String wireName, String field) {
        this.wireName = wireName;
        this.field = field;
    }

    public static ScalarKey of(String wireName) {
        for (ScalarKey key : values()) {
            if (key.wireName.equals(wireName)) {
                return key;
            }
        }
        throw new IllegalArgumentException(wireName);
    }

    public String wireName() {
        return wireName;
    }

    /** The document field the axis is read from. */
    public String field() {
        return field;
    }

    /** The x value of a point on the wire. */
    public Object wireValue(long x) {
        return this == ISO_TIME ? ISO.format(Instant.ofEpochMilli(x)) : x;
    }
}
