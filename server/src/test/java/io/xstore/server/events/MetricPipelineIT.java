package io.xstore.server.events;

import com.fasterxml.jackson.databind.JsonNode;
import io.xstore.readmodel.events.Md5;
import io.xstore.server.ApiClient;
import io.xstore.server.ServerTestSupport;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** add_batch → event log → indexer → Elasticsearch and last_metrics, seen by the very next call. */
class MetricPipelineIT extends ServerTestSupport {

    private final ApiClient api = new ApiClient(apiBaseUrl());

    @Test
    void lastMetricsSummarizeTheSeriesAsSoonAsAddBatchReturns() throws Exception {
        String task = newRunningTask();
        StringBuilder body = new StringBuilder();
        double[] values = {2.3, 1.5, 0.1, 0.4, 0.25};
        for (int iter = 0; iter < values.length; iter++) {
            body.append(scalar(task, "loss", "train", iter, values[iter], 1_000 + iter)).append('\n');
        }
        body.append(scalar(task, ":monitor:machine", "cpu", 99, 50.0, 2_000)).append('\n');

        assertThat(postJsonLines(body.toString()).statusCode()).isEqualTo(200);

        JsonNode found = api.call("/tasks.get_by_id", Map.of("task", task)).data().get("task");
        JsonNode loss = found.path("last_metrics").path(Md5.hex("loss")).path(Md5.hex("train"));
        assertThat(loss.path("metric").asText()).isEqualTo("loss");
        assertThat(loss.path("value").asDouble()).isEqualTo(0.25);
        assertThat(loss.path("min_value").asDouble()).isEqualTo(0.1);
        assertThat(loss.path("min_value_iteration").asLong()).isEqualTo(2);
        assertThat(loss.path("max_value").asDouble()).isEqualTo(2.3);
        assertThat(loss.path("first_value").asDouble()).isEqualTo(2.3);
        assertThat(loss.path("count").asLong()).isEqualTo(5);
        assertThat(found.path("last_iteration").asLong()).as("monitor metrics do not move it").isEqualTo(4);
    }

    @Test
    void resendingTheSameIterationOverwritesTheEvent() throws Exception {
        String task = newRunningTask();
        postJsonLines(scalar(task, "acc", "val", 7, 0.5, 1_000));
        postJsonLines(scalar(task, "acc", "val", 7, 0.75, 2_000));

        JsonNode events = api.call("/events.get_task_events", Map.of("task", task,
                "event_type", "training_stats_scalar")).data().get("events");
        assertThat(events).hasSize(1);
        assertThat(events.get(0).path("value").asDouble()).isEqualTo(0.75);
    }

    @Test
    void resetRemovesTheEventsAndTheSummary() throws Exception {
        String task = newRunningTask();
        postJsonLines(scalar(task, "loss", "train", 1, 0.5, 1_000) + "\n"
                + "{\"task\": \"" + task + "\", \"timestamp\": 1500, \"type\": \"log\", \"level\": \"info\", \"msg\": \"hi\"}");
        api.call("/tasks.stopped", Map.of("task", task, "force", true));

        api.call("/tasks.reset", Map.of("task", task, "force", true));

        assertThat(api.call("/events.get_task_events", Map.of("task", task)).data().get("events")).isEmpty();
        assertThat(api.call("/events.get_task_log", Map.of("task", task)).data().get("events")).isEmpty();
        JsonNode found = api.call("/tasks.get_by_id", Map.of("task", task)).data().get("task");
        assertThat(found.path("last_metrics").size()).isZero();
    }

    @Test
    void deleteForTaskCountsTheDeletedEvents() throws Exception {
        String task = newRunningTask();
        postJsonLines(scalar(task, "a", "b", 1, 1.0, 1_000) + "\n" + scalar(task, "a", "b", 2, 2.0, 1_001));

        JsonNode data = api.call("/events.delete_for_task", Map.of("task", task)).data();

        assertThat(data.path("deleted").asLong()).isEqualTo(2);
        assertThat(api.call("/events.get_task_events", Map.of("task", task)).data().get("events")).isEmpty();
    }

    @Test
    void metricProgressIsPartOfTheTaskHistory() throws Exception {
        String task = newRunningTask();
        postJsonLines(scalar(task, "loss", "train", 3, 0.5, 1_000));

        JsonNode newest = api.call("/history.get_task", Map.of("task", task)).data().get("entries").get(0);
        assertThat(newest.get("kind").asText()).isEqualTo("metrics_reported");
        assertThat(newest.get("description").asText()).isEqualTo("metrics reported 1 time, iteration 0 → 3");
    }

    @Test
    void modelEventsSummarizeIntoTheModel() throws Exception {
        // a draft, as the SDK creates the models it reports on (models.create defaults to ready)
        String model = api.call("/models.create", Map.of("name", "pipeline model " + UUID.randomUUID(),
                "uri", "file:///tmp/m.bin", "ready", false)).data().get("id").asText();
        postJsonLines(scalar(model, "loss", "val", 4, 0.125, 1_000).replace("}", ", \"model_event\": true}"));

        JsonNode found = api.call("/models.get_by_id", Map.of("model", model)).data().get("model");
        assertThat(found.path("last_metrics").path(Md5.hex("loss")).path(Md5.hex("val")).path("value").asDouble())
                .isEqualTo(0.125);
        assertThat(found.path("last_iteration").asLong()).isEqualTo(4);
    }

    @Test
    void aPlotOfSeveralMegabytesIsStoredAndComesBackWhole() throws Exception {
        String task = newRunningTask();
        String plot = "{\"data\": [{\"y\": [" + "0.123456789,".repeat(300_000) + "1]}], \"layout\": {}}";
        String line = "{\"task\": \"" + task + "\", \"timestamp\": 1000, \"metric\": \"big\", \"variant\": \"v\", "
                + "\"iter\": 0, \"type\": \"plot\", \"plot_str\": \"" + plot.replace("\"", "\\\"") + "\"}";
        postJsonLines(line);

        JsonNode plots = api.call("/events.get_task_plots", Map.of("task", task)).data().get("plots");
        assertThat(plots).hasSize(1);
        assertThat(plots.get(0).path("plot_str").asText()).isEqualTo(plot);
    }

    @Test
    void clearTaskLogKeepsNewerLinesAndOtherEvents() throws Exception {
        String task = newRunningTask();
        long now = System.currentTimeMillis();
        postJsonLines(scalar(task, "m", "v", 1, 1.0, now) + "\n"
                + "{\"task\": \"" + task + "\", \"timestamp\": " + (now - 3_600_000) + ", \"type\": \"log\", \"msg\": \"old\"}\n"
                + "{\"task\": \"" + task + "\", \"timestamp\": " + now + ", \"type\": \"log\", \"msg\": \"new\"}");

        JsonNode cleared = api.call("/events.clear_task_log", Map.of("task", task, "threshold_sec", 600)).data();

        assertThat(cleared.path("deleted").asLong()).isEqualTo(1);
        JsonNode log = api.call("/events.get_task_log", Map.of("task", task)).data().get("events");
        assertThat(log.findValuesAsText("msg")).containsExactly("new");
        assertThat(api.call("/events.get_task_events", Map.of("task", task, "event_type", "training_stats_scalar"))
                .data().get("events")).hasSize(1);
    }

    private String newRunningTask() {
        String task = api.call("/tasks.create", Map.of("name", "pipeline " + UUID.randomUUID(), "type", "training"))
                .data().get("id").asText();
        api.call("/tasks.started", Map.of("task", task));
        return task;
    }

    private static String scalar(String task, String metric, String variant, long iter, double value, long ts) {
        return ("{\"task\": \"%s\", \"timestamp\": %d, \"metric\": \"%s\", \"variant\": \"%s\", \"iter\": %d, "
                + "\"value\": %s, \"type\": \"training_stats_scalar\"}").formatted(task, ts, metric, variant, iter,
                value);
    }

    private HttpResponse<String> postJsonLines(String body) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(apiBaseUrl() + "/v2.23/events.add_batch"))
                        .header("Authorization", "Bearer " + api.token())
                        .header("Content-Type", "application/json-lines")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response;
    }
}
