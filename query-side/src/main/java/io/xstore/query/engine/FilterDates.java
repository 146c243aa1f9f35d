package io.xstore.query.engine;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Date;

/**
 * Dates as ClearML reads them in filters; for writing them see {@link io.xstore.protocol.WireDates}.
 */
public final class FilterDates {

    /** ISO date, date-time with optional fraction, 'T' or space, optional offset; naive means UTC. */
    private static final DateTimeFormatter LENIENT = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .optionalStart()
            .appendValue(ChronoField.HOUR_OF_DAY, 2).appendLiteral(':').appendValue(ChronoField.MINUTE_OF_HOUR, 2)
            .optionalStart().appendLiteral(':').appendValue(ChronoField.SECOND_OF_MINUTE, 2).optionalEnd()
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
            .optionalEnd()
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .toFormatter();

    private FilterDates() {
    }

    /** Parses an ISO date/date-time or epoch seconds (milliseconds when the number is that large); null if neither. */
    public static Date parse(Object value) {
        if (value instanceof Number number) {
            return fromEpoch(number.doubleValue());
        }
        if (!(value instanceof String text)) {
            return null;
        }
        String s = text.trim();
        if (s.isEmpty()) {
            return null;
        }
        if (s.matches("-?\\d+(\\.\\d+)?")) {
            return fromEpoch(Double.parseDouble(s));
        }
        try {
            var parsed = LENIENT.parseBest(s, OffsetDateTime::from, LocalDateTime::from, LocalDate::from);
            Instant instant;
            if (parsed instanceof OffsetDateTime odt) {
                instant = odt.toInstant();
            } else if (parsed instanceof LocalDateTime ldt) {
                instant = ldt.toInstant(ZoneOffset.UTC);
            } else {
                instant = ((LocalDate) parsed).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            return Date.from(instant);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Date fromEpoch(double value) {
        double millis = Math.abs(value) >= 1e11 ? value : value * 1000;
        return new Date((long) millis);
    }
}
