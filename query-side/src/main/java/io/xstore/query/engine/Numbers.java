package io.xstore.query.engine;

/** The reference compares {@code last_metrics.*} filter values as numbers when they parse as such. */
final class Numbers {

    private Numbers() {
    }

    static Object numericIfPossible(Object value) {
        if (value instanceof String s) {
            try {
                return Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                return s;
            }
        }
        return value;
    }
}
