package io.xstore.query.engine;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class FilterDatesTest {

    @Test
    void parsesIsoVariantsAndEpochs() {
        assertEquals(1736785933123L, FilterDates.parse("2025-01-13T16:32:13.123000+00:00").getTime());
        assertEquals(1736785933000L, FilterDates.parse("2025-01-13T18:32:13+02:00").getTime());
        assertEquals(1736785933000L, FilterDates.parse("2025-01-13 16:32:13").getTime());
        assertEquals(1736785933000L, FilterDates.parse("2025-01-13T16:32:13Z").getTime());
        assertEquals(1736726400000L, FilterDates.parse("2025-01-13").getTime());
        assertEquals(1736785933000L, FilterDates.parse("1736785933").getTime());
        assertEquals(1736785933123L, FilterDates.parse(1736785933123L).getTime());
        assertNull(FilterDates.parse("yesterday"));
    }
}
