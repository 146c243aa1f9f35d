package io.xstore.projection.metrics;

/**
 * The scalar events of one series (metric, variant) within one batch, reduced to what the summary needs: the value
 * at the greatest and at the smallest (iteration, timestamp), the extremes with their iteration, count and sum.
 * Ties keep the later event for "latest" and the earlier one for everything else.
 */
final class SeriesBatch {

    private final String metric;
    private final String variant;
    private long latestIteration;
    private long latestTimestamp;
    private double latestValue;
    private long earliestIteration;
    private long earliestTimestamp;
    private double earliestValue;
    private double minValue;
    private long minIteration;
    private double maxValue;
    private long maxIteration;
    private long count;
    private double sum;
    private String xAxisLabel;

    SeriesBatch(String metric, String variant) {
        this.metric = metric;
        this.variant = variant;
    }

    void add(long iteration, long timestamp, double value, String label) {
        if (count == 0) {
            latestIteration = earliestIteration = minIteration = maxIteration = iteration;
            latestTimestamp = earliestTimestamp = timestamp;
            latestValue = earliestValue = minValue = maxValue = value;
        } else {
            if (compare(iteration, timestamp, latestIteration, latestTimestamp) >= 0) {
                latestIteration = iteration;
                latestTimestamp = timestamp;
                latestValue = value;
            }
            if (compare(iteration, timestamp, earliestIteration, earliestTimestamp) < 0) {
                earliestIteration = iteration;
                earliestTimestamp = timestamp;
                earliestValue = value;
            }
            if (value < minValue) {
                minValue = value;
                minIteration = iteration;
            }
            if (value > maxValue) {
                maxValue = value;
                maxIteration = iteration;
            }
        }
        count++;
        sum += value;
        if (label != null && !label.isEmpty()) {
            xAxisLabel = label;
        }
    }

    private static int compare(long iterA, long tsA, long iterB, long tsB) {
        int byIteration = Long.compare(iterA, iterB);
        return byIteration != 0 ? byIteration : Long.compare(tsA, tsB);
    }

    String metric() {
        return metric;
    }

    String variant() {
        return variant;
    }

    double latestValue() {
        return latestValue;
    }

    double earliestValue() {
        return earliestValue;
    }

    long earliestIteration() {
        return earliestIteration;
    }

    double minValue() {
        return minValue;
    }

    long minIteration() {
        return minIteration;
    }

    double maxValue() {
        return maxValue;
    }

    long maxIteration() {
        return maxIteration;
    }

    long count() {
        return count;
    }

    double sum() {
        return sum;
    }

    String xAxisLabel() {
        return xAxisLabel;
    }
}
