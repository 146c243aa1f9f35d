package io.xstore.protocol;

import java.time.Instant;
import java.time.LocalDate;
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

    /**
     * Written by hand for the years 1 to 9999 (every answer with a task has several dates, and the formatter's
     * parse of its pattern at each call was a visible share of writing a task); the formatter otherwise.
     */
    public static String format(Instant instant) {
        long seconds = instant.getEpochSecond();
        int micros = instant.getNano() / 1000;
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(seconds, 86_400L));
        if (date.getYear() < 1 || date.getYear() > 9999) {
            var utc = instant.atOffset(ZoneOffset.UTC);
            return (micros == 0 ? WHOLE : FRACTION).format(utc);
        }
        int secondOfDay = (int) Math.floorMod(seconds, 86_400L);
        StringBuilder out = new StringBuilder(32);
        digits(out, date.getYear(), 4).append('-');
        digits(out, date.getMonthValue(), 2).append('-');
        digits(out, date.getDayOfMonth(), 2).append('T');
        digits(out, secondOfDay / 3600, 2).append(':');
        digits(out, secondOfDay / 60 % 60, 2).append(':');
        digits(out, secondOfDay % 60, 2);
        if (micros != 0) {
            digits(out.append('.'), micros, 6);
        }
        return out.append("+00:00").toString();
    }

    private static StringBuilder digits(StringBuilder out, int value, int width) {
        String text = Integer.toString(value);
        for (int i = text.length(); i < width; i++) {
            out.append('0');
        }
        return out.append(text);
    }

    public static String format(Date date) {
        return format(date.toInstant());
    }
}
