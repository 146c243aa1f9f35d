package io.xstore.protocol;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;

/**
 * Datetimes on the wire as ClearML writes them: ISO-8601 in UTC with an explicit offset, the microsecond part only
 * when non-zero, e.g. {@code 2025-01-13T16:32:13.123000+00:00}.
 */
public final class WireDates {

    private static final DateTimeFormatter WHOLE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'+00:00'");
    private static final DateTimeFormatter FRACTION =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'+00:00'");

    private WireDates() {
    }

    public static String format(Instant instant) {
        var utc = instant.atOffset(ZoneOffset.UTC);
        return (utc.getNano() / 1000 == 0 ? WHOLE : FRACTION).format(utc);
    }

    public static String format(Date date) {
        return format(date.toInstant());
    }
}
