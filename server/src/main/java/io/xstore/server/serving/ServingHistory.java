package io.xstore.server.serving;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * serving.get_endpoint_metrics_history from stored samples (docs/api/serving.md): per interval, each instance's
 * sample (the maximum of the cumulative request count, the average of anything else), and the total over instances
 * (a sum, or an average for latency and utilisation). Missing instance values count as 0.
 */
final class ServingHistory {

    /** A chartable metric: stored field, title, whether instances are summed, factor applied to the values. */
    record Metric(String field, String title, boolean summed, double factor) {
    }

    private static final double MB_TO_GB = 1.0 / 1024;

    static final Map<String, Metric> METRICS = Map.ofEntries(
            Map.entry("requests", new Metric("requests_num", "Number of Requests", true, 1)),
            Map.entry("requests_min", new Metric("requests_min", "Requests per Minute", true, 1)),
            Map.entry("latency_ms", new Metric("latency_ms", "Average Latency (ms)", false, 1)),
            Map.entry("cpu_count", new Metric("cpu_num", "CPU Count", true, 1)),
            Map.entry("gpu_count", new Metric("gpu_num", "GPU Count", true, 1)),
            Map.entry("cpu_util", new Metric("cpu_usage", "Average CPU Load (%)", false, 1)),
            Map.entry("gpu_util", new Metric("gpu_usage", "Average GPU Utilization (%)", false, 1)),
            Map.entry("ram_total", new Metric("memory_total", "RAM Total (GB)", true, MB_TO_GB)),
            Map.entry("ram_free", new Metric("memory_free", "RAM Free (GB)", true, MB_TO_GB)),
            Map.entry("gpu_ram_total", new Metric("gpu_memory_total", "GPU RAM Total (GB)", true, MB_TO_GB)),
            Map.entry("gpu_ram_free", new Metric("gpu_memory_free", "GPU RAM Free (GB)", true, MB_TO_GB)),
            Map.entry("network_rx", new Metric("network_rx", "Network Throughput RX (MBps)", true, 1)),
            Map.entry("network_tx", new Metric("network_tx", "Network Throughput TX (MBps)", true, 1)));

    private ServingHistory() {
    }

    /**
     * The chart. Dates are epoch seconds at the start of each interval; for {@code requests} only intervals with
     * samples are listed, for the others every interval of the range, except a last one that is not complete.
     */
    static Map<String, Object> chart(String metricType, Metric metric, List<ServingStats.Sample> samples, long from,
                                     long to, long interval, boolean instanceCharts) {
        boolean requests = "requests".equals(metricType);
        TreeMap<Long, Map<String, List<Double>>> buckets = new TreeMap<>();
        TreeSet<String> instances = new TreeSet<>();
        for (ServingStats.Sample sample : samples) {
            instances.add(sample.container());
            Double value = sample.values().get(metric.field());
            long bucket = from + ((sample.timestampMillis() / 1000 - from) / interval) * interval;
            List<Double> values = buckets.computeIfAbsent(bucket, b -> new LinkedHashMap<>())
                    .computeIfAbsent(sample.container(), c -> new ArrayList<>());
            if (value != null) {
                values.add(value);
            }
        }
        if (!requests) {
            for (long bucket = from; bucket <= to; bucket += interval) {
                buckets.putIfAbsent(bucket, new LinkedHashMap<>());
            }
        }
        double lastValid = to - 0.9 * interval;
        List<Long> dates = new ArrayList<>();
        List<Double> totals = new ArrayList<>();
        Map<String, List<Double>> perInstance = new TreeMap<>();
        instances.forEach(i -> perInstance.put(i, new ArrayList<>()));
        for (Map.Entry<Long, Map<String, List<Double>>> bucket : buckets.entrySet()) {
            if (bucket.getKey() > lastValid) {
                break;
            }
            dates.add(bucket.getKey());
            double total = 0;
            int counted = 0;
            for (String instance : instances) {
                List<Double> values = bucket.getValue().getOrDefault(instance, List.of());
                Double sample = values.isEmpty() ? null : requests
                        ? values.stream().mapToDouble(Double::doubleValue).max().orElse(0)
                        : values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
                perInstance.get(instance).add(round(sample == null ? 0 : sample * metric.factor()));
                if (sample != null) {
                    total += sample;
                    counted++;
                }
            }
            double value = metric.summed() ? total : counted == 0 ? 0 : total / counted;
            totals.add(round(value * metric.factor()));
        }
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("computed_interval", interval);
        response.put("total", series(metric.title(), dates, totals));
        Map<String, Object> charts = new LinkedHashMap<>();
        if (instanceCharts) {
            perInstance.forEach((instance, values) -> charts.put(instance, series(instance, dates, values)));
        }
        response.put("instances", charts);
        return response;
    }

    private static Map<String, Object> series(String title, List<Long> dates, List<Double> values) {
        Map<String, Object> series = new LinkedHashMap<>();
        series.put("title", title);
        series.put("dates", dates);
        series.put("values", values);
        return series;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
