package io.xstore.protocol;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ApiErrorTest {

    @Test
    void messageCarriesTheDefaultTextExtraAndKeywordValues() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", "1234");
        data.put("company", "c1");

        ApiException e = ApiError.INVALID_TASK_ID.toException(data);

        assertEquals(400, e.code());
        assertEquals(101, e.subcode());
        assertEquals("Invalid task id: id=1234, company=c1", e.getMessage());
        assertEquals(data, e.data());
    }

    @Test
    void listValuesAreRenderedInParentheses() {
        ApiException e = ApiError.INVALID_FIELDS.toException("unknown", Map.of("fields", List.of("a", "b")));

        assertEquals("Invalid fields (unknown): fields=(a, b)", e.getMessage());
    }

    @Test
    void datesShowMicrosecondsOnlyWhenPresent() {
        assertEquals("2025-01-13T16:32:13+00:00", WireDates.format(Instant.parse("2025-01-13T16:32:13Z")));
        assertEquals("2025-01-13T16:32:13.123000+00:00",
                WireDates.format(Instant.parse("2025-01-13T16:32:13.123Z")));
    }
}
