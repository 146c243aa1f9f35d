package io.xstore.query.events;

import java.util.List;

/**
 * The points of one scalar series as answered; {@code yMin}/{@code yMax} (aligned with the points) only for a series
 * bucketed with {@link Bucketing#MIN_MAX}, null otherwise.
 */
public record ScalarSeries(List<ScalarPoint> points, List<Double> yMin, List<Double> yMax) {

    public static ScalarSeries whole(List<ScalarPoint> points) {
        return new ScalarSeries(points, null, null);
    }
}
