package io.xstore.protocol;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class WireDatesTest {

    @Test
    void formatsLikePythonIsoformatWithUtcOffset() {
        assertEquals("2025-01-13T16:32:13.123000+00:00", WireDates.format(new Date(1736785933123L)));
        assertEquals("2025-01-13T16:32:13+00:00", WireDates.format(new Date(1736785933000L)));
    }

    /** The hand-written form is exactly the pattern's, over instants of every era (microseconds or none). */
    @Test
    void writesWhatThePatternWrites() {
        DateTimeFormatter whole = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'+00:00'");
        DateTimeFormatter fraction = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'+00:00'");
        Random random = new Random(11);
        for (int i = 0; i < 50_000; i++) {
            long seconds = random.nextLong() % 400_000_000_000L;
            int nanos = i % 3 == 0 ? 0 : i % 3 == 1 ? random.nextInt(1000) * 1_000_000 : random.nextInt(1_000_000_000);
            Instant instant = Instant.ofEpochSecond(seconds, nanos);
            var utc = instant.atOffset(ZoneOffset.UTC);
            assertEquals((nanos / 1000 == 0 ? whole : fraction).format(utc), WireDates.format(instant),
                    instant.toString());
        }
    }
}
