package io.xstore.projection.metrics;

import io.xstore.api.metrics.MetricSummary;
import io.xstore.readmodel.events.Md5;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The stored running summary of one scalar series of a target. The sum is kept exact (unrounded) so that the mean
 * shown, rounded to 2 decimals, does not drift.
 */
record SeriesState(String metric, String variant, double value,
                   double minValue, long minValueIteration, double maxValue, long maxValueIteration,
                   double firstValue, long firstValueIteration, long count, double sum, String xAxisLabel) {

    static SeriesState first(SeriesBatch batch) {
        return new SeriesState(batch.metric(), batch.variant(), batch.latestValue(),
                batch.minValue(), batch.minIteration(), batch.maxValue(), batch.maxIteration(),
                batch.earliestValue(), batch.earliestIteration(), batch.count(), batch.sum(), batch.xAxisLabel());
    }

    /** This summary after one more batch of the series: its latest value wins, extremes and totals accumulate. */
    SeriesState plus(SeriesBatch batch) {
        boolean newMin = batch.minValue() < minValue;
        boolean newMax = batch.maxValue() > maxValue;
        return new SeriesState(metric, variant, batch.latestValue(),
                newMin ? batch.minValue() : minValue, newMin ? batch.minIteration() : minValueIteration,
                newMax ? batch.maxValue() : maxValue, newMax ? batch.maxIteration() : maxValueIteration,
                firstValue, firstValueIteration, count + batch.count(), sum + batch.sum(),
                batch.xAxisLabel() != null ? batch.xAxisLabel() : xAxisLabel);
    }

    MetricSummary toSummary() {
        return new MetricSummary(metric, variant, Md5.hex(metric), Md5.hex(variant), value,
                minValue, minValueIteration, maxValue, maxValueIteration, firstValue, firstValueIteration,
                count, mean(), xAxisLabel);
    }

    /** Like Python's {@code round(x, 2)}: half to even on the exact binary value. */
    double mean() {
        double mean = count == 0 ? 0 : sum / count;
        if (!Double.isFinite(mean)) {
            return mean;
        }
        return new BigDecimal(mean).setScale(2, RoundingMode.HALF_EVEN).doubleValue();
    }
}
