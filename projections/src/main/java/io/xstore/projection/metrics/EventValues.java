package io.xstore.projection.metrics;

/** Reads fields of an event as the JSON decoder left them (numbers of any width, strings). */
final class EventValues {

    private EventValues() {
    }

    /** The text of a field; null when absent or not a string. */
    static String text(Object value) {
        return value instanceof String s ? s : null;
    }

    /** The stored form of metric and variant: "" when missing or empty. */
    static String name(Object value) {
        return value instanceof String s ? s : "";
    }

    static Long integer(Object value) {
        return value instanceof Number n ? n.longValue() : null;
    }

    /** A finite number, or null (absent, not a number, NaN, infinite). */
    static Double finite(Object value) {
        if (value instanceof Number n) {
            double d = n.doubleValue();
            return Double.isFinite(d) ? d : null;
        }
        return null;
    }
}
