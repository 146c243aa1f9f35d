package io.xstore.query.events;

import io.xstore.readmodel.events.EventIndices;
import io.xstore.readmodel.events.Md5;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code scalar_metrics_iter_histogram} and its compare-view sibling: downsampled scalar series per metric/variant. */
@Component
public class ScalarHistograms {

    private final ScalarSeriesCatalog catalog;
    private final ScalarDownsampling downsampling;

    public ScalarHistograms(ScalarSeriesCatalog catalog, ScalarDownsampling downsampling) {
        this.catalog = catalog;
        this.downsampling = downsampling;
    }

    /** {@code {metric: {variant: {name, x, y[, y_min, y_max][, x_axis_label]}}}} of one task. */
    public Map<String, Object> ofTask(EventTargets targets, ScalarKey key, int samples, List<MetricVariants> metrics,
                                      Bucketing bucketing) {
        EventTarget target = targets.single();
        Map<String, Object> result = new LinkedHashMap<>();
        series(targets, key, samples, metrics, bucketing).forEach((series, points) -> {
            Map<String, Object> chart = chart(series.variant(), points, key);
            String label = target.xAxisLabel(Md5.hex(series.metric()), Md5.hex(series.variant()));
            if (label != null) {
                chart.put("x_axis_label", label);
            }
            variants(result, series.metric()).put(series.variant(), chart);
        });
        return result;
    }

    /** {@code {metrics: {metric: {variant: {task id: {name: task name, x, y}}}}}} of several tasks. */
    public Map<String, Object> ofTasks(EventTargets targets, ScalarKey key, int samples,
                                       List<MetricVariants> metrics, Bucketing bucketing) {
        Map<String, Object> byMetric = new LinkedHashMap<>();
        series(targets, key, samples, metrics, bucketing).forEach((series, points) -> {
            Map<String, Object> chart = chart(targets.get(series.task()).name(), points, key);
            EventTarget target = targets.get(series.task());
            String label = target.xAxisLabel(Md5.hex(series.metric()), Md5.hex(series.variant()));
            if (label != null) {
                chart.put("x_axis_label", label);
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> byTask = (Map<String, Object>) variants(byMetric, series.metric())
                    .computeIfAbsent(series.variant(), v -> new LinkedHashMap<String, Object>());
            byTask.put(series.task(), chart);
        });
        return Map.of("metrics", byMetric);
    }

    private Map<SeriesKey, ScalarSeries> series(EventTargets targets, ScalarKey key, int samples,
                                                List<MetricVariants> metrics, Bucketing bucketing) {
        List<SeriesExtent> extents = catalog.extents(targets, key, metrics);
        if (extents.isEmpty()) {
            return Map.of();
        }
        return downsampling.points(targets.indices(EventIndices.SCALAR), extents, key, samples,
                ScalarSeriesCatalog.pointFilter(targets.ids(), key, metrics), bucketing);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> variants(Map<String, Object> byMetric, String metric) {
        return (Map<String, Object>) byMetric.computeIfAbsent(metric, m -> new LinkedHashMap<String, Object>());
    }

    /** {@code {name, x, y}}, plus {@code y_min}/{@code y_max} for a series bucketed with {@code min_max}. */
    private static Map<String, Object> chart(String name, ScalarSeries series, ScalarKey key) {
        List<ScalarPoint> points = series.points();
        List<Object> x = new ArrayList<>(points.size());
        List<Object> y = new ArrayList<>(points.size());
        for (ScalarPoint point : points) {
            x.add(key.wireValue(point.x()));
            y.add(point.y());
        }
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("name", name);
        chart.put("x", x);
        chart.put("y", y);
        if (series.yMin() != null) {
            chart.put("y_min", series.yMin());
            chart.put("y_max", series.yMax());
        }
        return chart;
    }
}
