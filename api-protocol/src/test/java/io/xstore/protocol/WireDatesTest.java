package io.xstore.protocol;

import org.junit.jupiter.api.Test;

import java.util.Date;

import static org.junit.jupiter.api.Assertions.assertEquals;

class WireDatesTest {

    @Test
    void formatsLikePythonIsoformatWithUtcOffset() {
        assertEquals("2025-01-13T16:32:13.123000+00:00", WireDates.format(new Date(1736785933123L)));
        assertEquals("2025-01-13T16:32:13+00:00", WireDates.format(new Date(1736785933000L)));
    }
}
