package io.xstore.server.events;

import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.xstore.migration.EventIndexRebuild;
import io.xstore.readmodel.events.EventFields;
import io.xstore.readmodel.events.EventIndices;
import io.xstore.server.ApiClient;
import io.xstore.server.ServerTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Dropping the event indices and replaying the metric event log gives back the same documents, and no more. */
class EventIndexRebuildIT extends ServerTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ApiClient api = new ApiClient(apiBaseUrl());

    @Autowired
    private EventIndexRebuild rebuild;

    @Test
    void replayingTheLogRebuildsIdenticalIndicesWithoutDeletedEvents() throws Exception {
        String kept = newTask();
        String deleted = newTask();
        String company = api.call("/tasks.get_by_id", Map.of("task", kept)).data().get("task").get("company").asText();
        report(kept);
        report(deleted);
        api.call("/events.delete_for_task", Map.of("task", deleted));
        long summariesBefore = summaryEvents(kept);
        Map<String, Map<String, Object>> before = documents(company, kept);
        assertThat(before).hasSize(8);

        List<String> progress = new ArrayList<>();
        rebuild.rebuild(progress::add);

        assertThat(progress).isNotEmpty();
        assertThat(documents(company, kept)).isEqualTo(before);
        assertThat(documents(company, deleted)).isEmpty();
        assertThat(summaryEvents(kept)).as("replay publishes no summaries again").isEqualTo(summariesBefore);
    }

    private void report(String task) throws Exception {
        String bigPlot = "{\"data\": [{\"y\": [" + "1,".repeat(60_000) + "1]}], \"layout\": {}}";
        StringBuilder lines = new StringBuilder();
        for (int iter = 0; iter < 5; iter++) {
            lines.append(line(task, "\"metric\": \"loss\", \"variant\": \"train\", \"iter\": " + iter
                    + ", \"value\": " + (1.0 / (iter + 1)) + ", \"type\": \"training_stats_scalar\"", iter));
        }
        lines.append(line(task, "\"metric\": \"p\", \"variant\": \"v\", \"iter\": 0, \"type\": \"plot\", "
                + "\"plot_str\": " + JSON.writeValueAsString(bigPlot), 10));
        lines.append(line(task, "\"metric\": \"img\", \"variant\": \"s\", \"iter\": 0, \"type\": "
                + "\"training_debug_image\", \"url\": \"http://localhost:8081/a/b.png\", \"key\": \"a/b.png\"", 11));
        lines.append(line(task, "\"type\": \"log\", \"level\": \"info\", \"msg\": \"hello\"", 12));
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(apiBaseUrl() + "/v2.23/events.add_batch"))
                        .header("Authorization", "Bearer " + api.token())
                        .header("Content-Type", "application/json-lines")
                        .POST(HttpRequest.BodyPublishers.ofString(lines.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private static String line(String task, String fields, int offset) {
        return "{\"task\": \"" + task + "\", \"timestamp\": " + (1_700_000_000_000L + offset) + ", " + fields + "}\n";
    }

    private Map<String, Map<String, Object>> documents(String company, String task) throws Exception {
        @SuppressWarnings("rawtypes")
        SearchResponse<Map> found = elasticsearchClient.search(s -> s
                .index(EventIndices.indices(List.of(), company))
                .ignoreUnavailable(true).allowNoIndices(true)
                .query(q -> q.term(t -> t.field(EventFields.TASK).value(task)))
                .size(100), Map.class);
        Map<String, Map<String, Object>> byId = new TreeMap<>();
        for (@SuppressWarnings("rawtypes") Hit<Map> hit : found.hits().hits()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> source = hit.source();
            // by name, not by the index behind it: a rebuild may move a name to its generation's index
            // (events-<type>-<company>-g<n>, docs/operations.md "Online rebuilds")
            byId.put(hit.index().replaceFirst("-g\\d+$", "") + "/" + hit.id(), source);
        }
        return byId;
    }

    private long summaryEvents(String task) {
        JsonNode history = api.call("/history.get_task", Map.of("task", task)).data();
        return history.findValuesAsText("event").stream().filter("TaskMetricsRecordedEvent"::equals).count();
    }

    private String newTask() {
        return api.call("/tasks.create", Map.of("name", "rebuild " + UUID.randomUUID(), "type", "training"))
                .data().get("id").asText();
    }
}
