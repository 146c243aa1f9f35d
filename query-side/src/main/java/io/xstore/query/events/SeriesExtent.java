package io.xstore.query.events;

/** How many points a series has and the range of its x values. */
public record SeriesExtent(SeriesKey key, long count, long minX, long maxX) {

    /**
     * The histogram interval for at most {@code samples} buckets, as the spec defines it; 0 when the series is
     * short enough to be returned whole.
     */
    public long interval(int samples) {
        if (count <= samples) {
            return 0;
        }
        long span = maxX - minX + 1;
        return Math.max(1, (span + samples - 1) / samples);
    }
}
