package io.xstore.readmodel.events;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.xstore.api.metrics.MetricLogEntry;

import java.io.IOException;
import java.io.UncheckedIOException;

/** The bytes of a metric event log record: JSON of a {@link MetricLogEntry}, written and read the same way. */
public final class MetricLogCodec {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private MetricLogCodec() {
    }

    public static byte[] encode(MetricLogEntry entry) {
        try {
            return JSON.writeValueAsBytes(entry);
        } catch (IOException e) {
            throw new UncheckedIOException("a log entry holds plain JSON values only", e);
        }
    }

    /** @throws IllegalArgumentException for bytes that are not a log entry */
    public static MetricLogEntry decode(byte[] bytes) {
        try {
            return JSON.readValue(bytes, MetricLogEntry.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a metric log entry: " + e.getMessage(), e);
        }
    }
}
