package io.xstore.query.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xstore.protocol.ApiError;
import io.xstore.protocol.ApiException;
import io.xstore.protocol.Fields;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * The common request fields of the history listings (docs/api/history.md): {@code from}/{@code to} (times),
 * {@code actor} (user id or ids), {@code kinds} (list), {@code include_metrics}, {@code page}/{@code page_size}.
 */
record HistoryQuery(Instant from, Instant to, List<String> actors, List<String> kinds, boolean includeMetrics,
                    int page, int pageSize) {

    static final int DEFAULT_PAGE_SIZE = 100;
    static final int MAX_PAGE_SIZE = 500;

    static HistoryQuery parse(ObjectNode body) {
        Instant from = optTime(body, "from");
        Instant to = optTime(body, "to");
        if (from != null && to != null && from.isAfter(to)) {
            throw ApiError.VALIDATION_ERROR.toException("from must not be after to", Map.of("field", "from"));
        }
        List<String> actors = Fields.optStringList(body, "actor");
        List<String> kinds = Fields.optStringList(body, "kinds");
        if (kinds == null) {
            kinds = Fields.optStringList(body, "kind");
        }
        Integer page = Fields.optInt(body, "page");
        Integer pageSize = Fields.optInt(body, "page_size");
        if (page != null && page < 0) {
            throw ApiError.VALIDATION_ERROR.toException("page must be >=0", Map.of("field", "page"));
        }
        if (pageSize != null && pageSize < 1) {
            throw ApiError.VALIDATION_ERROR.toException("page_size must be >0", Map.of("field", "page_size"));
        }
        return new HistoryQuery(from, to, emptyToNull(actors), emptyToNull(kinds),
                Fields.optBool(body, "include_metrics", false), page == null ? 0 : page,
                pageSize == null ? DEFAULT_PAGE_SIZE : Math.min(pageSize, MAX_PAGE_SIZE));
    }

    long skip() {
        return (long) page * pageSize;
    }

    private static List<String> emptyToNull(List<String> values) {
        return values == null || values.isEmpty() ? null : values;
    }

    static Instant optTime(ObjectNode body, String field) {
        JsonNode node = body.get(field);
        return node == null || node.isNull() ? null : time(node, field);
    }

    /**
     * A point in time: ISO-8601 ({@code 2026-12-06T20:15:00.123456+00:00}, {@code ...Z}, without offset: UTC, or a
     * date: its start) or epoch milliseconds (number or digits). Anything else is a 400 naming the field.
     */
    static Instant time(JsonNode node, String field) {
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return Instant.ofEpochMilli(node.longValue());
        }
        if (node.isTextual()) {
            String text = node.asText().trim();
            if (!text.isEmpty() && text.chars().allMatch(Character::isDigit) && text.length() <= 15) {
                return Instant.ofEpochMilli(Long.parseLong(text));
            }
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException ignored) {
                // next form
            }
            try {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException ignored) {
                // next form
            }
            try {
                return LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException ignored) {
                // falls through to the error
            }
        }
        throw badTime(field, node);
    }

    static ApiException badTime(String field, JsonNode node) {
        return ApiError.VALIDATION_ERROR.toException(field + " must be an ISO-8601 time (e.g. 2026-12-06T20:15:00Z) "
                + "or epoch milliseconds", Map.of("field", field, "value", node.toString()));
    }

    /** Whether an event time is at or before a requested point (compared to the microsecond, as times are shown). */
    static boolean atOrBefore(Instant time, Instant point) {
        return !time.truncatedTo(ChronoUnit.MICROS).isAfter(point.truncatedTo(ChronoUnit.MICROS));
    }
}
