package io.xstore.server.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Odd values in every field of the events read endpoints, for a task that exists and has events: each call must
 * succeed or be a 4xx, never a server error (which the SDK would retry forever).
 */
class EventsBadInputReadIT extends AbstractEventsReadIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final List<String> ENDPOINTS = List.of("get_task_log", "download_task_log", "get_task_events",
            "get_scalar_metric_data", "scalar_metrics_iter_raw", "clear_scroll", "scalar_metrics_iter_histogram",
            "multi_task_scalar_metrics_iter_histogram", "get_task_single_value_metrics",
            "get_task_latest_scalar_values", "vector_metrics_iter_histogram", "get_task_metrics",
            "get_scalar_metrics_and_variants", "get_vector_metrics_and_variants", "get_task_plots",
            "get_multi_task_plots", "plots", "get_plot_sample", "next_plot_sample", "debug_images",
            "get_debug_image_sample", "next_debug_image_sample");

    @Test
    void oddValuesNeverCauseAServerError() {
        String task = createTask();
        String company = companyOf(task);
        index(List.of(scalar(task, company, "loss", "train", 1, 0.5, 1_700_000_000_000L),
                log(task, company, 1_700_000_000_000L, "info", "x"),
                image(task, company, "img", "v", 1, "http://h/a.png"),
                plot(task, company, "p", "v", 1, "{}")));
        List<Map<String, Object>> variations = List.of(
                Map.of("samples", "x", "key", 5, "metrics", List.of(1), "iters", -5, "iteration", "ten"),
                Map.of("metrics", List.of(Map.of("metric", 5, "variants", "v")), "from_timestamp", 1e30,
                        "iteration", 1e30, "batch_size", 1_000_000_000, "order", 5, "line_type", "xml"),
                Map.of("metrics", "loss", "metric", Map.of(), "variant", List.of(), "scroll_id", "a.b",
                        "navigate_earlier", "maybe", "event_type", 5, "from_timestamp", -1e30),
                Map.of("metrics", List.of(Map.of("task", task, "metric", "", "variants", List.of(""))),
                        "metric", Map.of("metric", "", "variants", List.of()), "variant", "", "iters", 1_000_000,
                        "samples", 6000, "key", "timestamp", "batch_size", 200_000, "from_timestamp", "12.5"),
                Map.of("metric", "x".repeat(40_000), "variant", "\u0000\uFFFF", "scroll_id", "", "tasks", "",
                        "line_type", "text", "line_format", "{msg!r:>10} {", "count_total", "no"),
                Map.of("metrics", List.of(Map.of("task", List.of(task))), "tasks", List.of(List.of(task)),
                        "model_events", "yes", "no_scroll", 3, "refresh", "true", "next_iteration", "false"));
        List<String> failures = new ArrayList<>();
        for (String endpoint : ENDPOINTS) {
            for (Map<String, Object> variation : variations) {
                Map<String, Object> body = new LinkedHashMap<>(Map.of("task", task, "tasks", List.of(task),
                        "metric", "loss", "variant", "train"));
                body.putAll(variation);
                HttpResponse<String> reply = post("events." + endpoint, body);
                if (reply.statusCode() >= 500) {
                    failures.add(endpoint + " " + reply.statusCode() + " " + reply.body() + " for "
                            + variation.keySet());
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    /** A raw call: download_task_log answers plain text when it succeeds. */
    private HttpResponse<String> post(String endpoint, Object body) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(apiBaseUrl() + V + endpoint))
                    .header("Authorization", "Bearer " + api.token()).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
