package io.xstore.projection.metrics;

import java.util.LinkedHashMap;
import java.util.Map;

/** Validated events as the command side puts them in a batch. */
final class Events {

    static final long T0 = 1_736_785_933_000L;

    private Events() {
    }

    static Map<String, Object> scalar(String task, String metric, String variant, long iter, double value) {
        return scalar(task, metric, variant, iter, value, T0 + iter);
    }

    static Map<String, Object> scalar(String task, String metric, String variant, long iter, double value,
                                      long timestamp) {
        Map<String, Object> e = base("training_stats_scalar", task, metric, variant, timestamp);
        e.put("iter", iter);
        e.put("value", value);
        return e;
    }

    static Map<String, Object> plot(String task, String metric, String variant, long iter, String plotStr) {
        Map<String, Object> e = base("plot", task, metric, variant, T0 + iter);
        e.put("iter", iter);
        e.put("plot_str", plotStr);
        return e;
    }

    static Map<String, Object> image(String task, String metric, String variant, long iter, String url) {
        Map<String, Object> e = base("training_debug_image", task, metric, variant, T0 + iter);
        e.put("iter", iter);
        e.put("url", url);
        e.put("key", url.replaceFirst("^https?://[^/]+/", ""));
        return e;
    }

    static Map<String, Object> log(String task, long timestamp, String msg) {
        Map<String, Object> e = base("log", task, "", "", timestamp);
        e.put("level", "info");
        e.put("worker", "host-1");
        e.put("msg", msg);
        return e;
    }

    static Map<String, Object> with(Map<String, Object> event, String field, Object value) {
        event.put(field, value);
        return event;
    }

    private static Map<String, Object> base(String type, String task, String metric, String variant, long timestamp) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("type", type);
        e.put("task", task);
        e.put("timestamp", timestamp);
        e.put("metric", metric);
        e.put("variant", variant);
        e.put("model_event", false);
        e.put("@timestamp", "2025-01-13T16:32:13.123Z");
        return e;
    }
}
