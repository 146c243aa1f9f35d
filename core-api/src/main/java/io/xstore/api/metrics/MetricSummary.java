package io.xstore.api.metrics;

/**
 * The running summary of one scalar series (metric/variant) of a task or model, as {@code last_metrics} shows it.
 * {@code value} is the value at the greatest (iteration, timestamp) of the latest batch; min, max and first keep the
 * iteration they were reported at; {@code xAxisLabel} is null unless one was sent.
 */
public record MetricSummary(String metric, String variant, String metricHash, String variantHash,
                            double value, double minValue, long minValueIteration,
                            double maxValue, long maxValueIteration,
                            double firstValue, long firstValueIteration,
                            long count, double meanValue, String xAxisLabel) {
}
