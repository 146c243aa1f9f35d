package io.xstore.query.events;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The points that stand for one bucket of a long series: its lowest, its highest and its last point, each at its
 * own x, in x order and without repeats. Unlike an average, this keeps a one-iteration drop (or spike) visible.
 */
public final class BucketPoints {

    private BucketPoints() {
    }

    public static List<ScalarPoint> of(ScalarPoint min, ScalarPoint max, ScalarPoint last) {
        List<ScalarPoint> points = new ArrayList<>(3);
        for (ScalarPoint point : new ScalarPoint[] {min, max, last}) {
            if (point != null && points.stream().noneMatch(p -> same(p, point))) {
                points.add(point);
            }
        }
        points.sort(Comparator.comparingLong(ScalarPoint::x));
        return points;
    }

    private static boolean same(ScalarPoint a, ScalarPoint b) {
        return a.x() == b.x() && Objects.equals(a.y(), b.y());
    }
}
