package io.xstore.query.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xstore.protocol.ApiError;
import io.xstore.protocol.Fields;
import io.xstore.readmodel.events.EventIndices;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Parsing and validation of the request fields the events endpoints share; every violation is a 400. */
final class EventRequests {

    private static final long MAX_EPOCH_MS = 1_000_000_000_000_000L;

    private EventRequests() {
    }

    static boolean modelEvents(ObjectNode body) {
        return Fields.optBool(body, "model_events", false);
    }

    /** A list of ids given as a list or a comma-separated string. */
    static List<String> requireIdList(ObjectNode body, String field) {
        JsonNode node = body.get(field);
        List<String> ids = new ArrayList<>();
        if (node != null && node.isTextual()) {
            for (String part : node.asText().split(",")) {
                if (!part.isBlank()) {
                    ids.add(part.trim());
                }
            }
        } else {
            List<String> values = Fields.optStringList(body, field);
            if (values != null) {
                values.stream().filter(v -> v != null && !v.isEmpty()).forEach(ids::add);
            }
        }
        if (ids.isEmpty()) {
            throw ApiError.VALIDATION_ERROR.toException("field is required", Map.of("field", field));
        }
        return new ArrayList<>(new LinkedHashSet<>(ids));
    }

    static int optInt(ObjectNode body, String field, int fallback, int min, int max) {
        Integer value = Fields.optInt(body, field);
        if (value == null) {
            return fallback;
        }
        if (value < min || value > max) {
            throw ApiError.VALIDATION_ERROR.toException("must be between " + min + " and " + max,
                    Map.of("field", field, "value", value));
        }
        return value;
    }

    /** An integer that is clamped into range instead of refused (limits of ours, not of the API). */
    static int clampedInt(ObjectNode body, String field, int fallback, int min, int max) {
        Integer value = Fields.optInt(body, field);
        return value == null ? fallback : Math.max(min, Math.min(max, value));
    }

    /** A number field read as epoch ms (ints and floats accepted); null when absent. */
    static Long optLong(ObjectNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isNumber()) {
            return node.asLong();
        }
        if (node.isTextual()) {
            try {
                return (long) Double.parseDouble(node.asText());
            } catch (NumberFormatException ignored) {
                // falls through to the type error
            }
        }
        throw Fields.wrongType(field, "a number");
    }

    /** Epoch ms, kept within what a date field can compare with (about ±31000 years). */
    static Long optTimestamp(ObjectNode body, String field) {
        Long value = optLong(body, field);
        return value == null ? null : Math.max(-MAX_EPOCH_MS, Math.min(MAX_EPOCH_MS, value));
    }

    static String optEnum(ObjectNode body, String field, String fallback, List<String> allowed) {
        String value = Fields.optString(body, field);
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        String normalized = value.toLowerCase(Locale.ROOT);
        if (!allowed.contains(normalized)) {
            throw ApiError.VALIDATION_ERROR.toException("must be one of " + allowed,
                    Map.of("field", field, "value", value));
        }
        return normalized;
    }

    /** {@code event_type}: one of the five types ("all" or "*" or absent: {@code fallback}). */
    static List<String> eventTypes(ObjectNode body, boolean required, List<String> fallback) {
        String value = Fields.optString(body, "event_type");
        if (value == null || value.isEmpty()) {
            if (required) {
                throw ApiError.VALIDATION_ERROR.toException("field is required", Map.of("field", "event_type"));
            }
            return fallback;
        }
        String type = value.replace(' ', '_');
        if ("*".equals(type) || "all".equals(type)) {
            return fallback;
        }
        if (!EventIndices.TYPES.contains(type)) {
            throw ApiError.VALIDATION_ERROR.toException("unknown event type",
                    Map.of("field", "event_type", "value", value));
        }
        return List.of(type);
    }

    /** {@code x} key of scalar histograms: iter, timestamp or iso_time. */
    static ScalarKey scalarKey(ObjectNode body) {
        return ScalarKey.of(optEnum(body, "key", "iter", List.of("iter", "timestamp", "iso_time")));
    }

    /** {@code bucketing} of the scalar histograms: mean (default) or min_max; anything else is 400/12. */
    static Bucketing bucketing(ObjectNode body) {
        return Bucketing.fromWire(optEnum(body, Bucketing.FIELD, "mean", Bucketing.WIRE_VALUES));
    }

    /** A list of {@code {metric, variants}} objects; empty when absent. */
    static List<MetricVariants> metrics(ObjectNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw Fields.wrongType(field, "a list of {metric, variants} objects");
        }
        List<MetricVariants> result = new ArrayList<>();
        for (JsonNode item : node) {
            if (!item.isObject()) {
                throw Fields.wrongType(field, "a list of {metric, variants} objects");
            }
            result.add(metricVariants((ObjectNode) item, field));
        }
        return result;
    }

    /** One {@code {metric, variants}} object; the metric name may be absent (null). */
    static MetricVariants metricVariants(ObjectNode item, String field) {
        String metric;
        try {
            metric = Fields.optString(item, "metric");
        } catch (RuntimeException e) {
            throw Fields.wrongType(field + ".metric", "a string");
        }
        List<String> variants;
        try {
            variants = Fields.optStringList(item, "variants");
        } catch (RuntimeException e) {
            throw Fields.wrongType(field + ".variants", "a list of strings");
        }
        return new MetricVariants(metric, variants == null ? List.of()
                : variants.stream().filter(v -> v != null).toList());
    }
}
