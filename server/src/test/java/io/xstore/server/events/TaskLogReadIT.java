package io.xstore.server.events;

import com.fasterxml.jackson.databind.JsonNode;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class TaskLogReadIT extends AbstractEventsReadIT {

    private static final long T0 = 1_736_785_933_000L;

    /** 30 lines; lines 10..12 share one timestamp (T0 + 10), all others have their own. */
    private String taskWithLog() {
        String task = createTask();
        String company = companyOf(task);
        List<Map<String, Object>> docs = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            long ts = i >= 10 && i <= 12 ? T0 + 10 : T0 + i;
            docs.add(log(task, company, ts, "info", "line " + i));
        }
        index(docs);
        return task;
    }

    @Test
    void pagesFromNewestToOldestWithBoundaryTimestampGroupedAndTotal() {
        String task = taskWithLog();

        JsonNode first = ok("events.get_task_log", Map.of("task", task, "batch_size", 5));
        assertThat(messages(first)).containsExactly("line 29", "line 28", "line 27", "line 26", "line 25");
        assertThat(first.get("returned").asInt()).isEqualTo(5);
        assertThat(first.get("total").asInt()).isEqualTo(30);
        assertThat(first.get("events").get(0).has("seq")).isFalse();
        assertThat(first.get("events").get(0).get("type").asText()).isEqualTo("log");

        List<String> all = new ArrayList<>(messages(first));
        long from = first.get("events").get(4).get("timestamp").asLong();
        while (true) {
            JsonNode page = ok("events.get_task_log", Map.of("task", task, "batch_size", 5, "from_timestamp", from));
            if (page.get("returned").asInt() == 0) {
                break;
            }
            all.addAll(messages(page));
            JsonNode events = page.get("events");
            from = events.get(events.size() - 1).get("timestamp").asLong();
        }
        List<String> expected = new ArrayList<>();
        for (int i = 29; i >= 0; i--) {
            expected.add("line " + i);
        }
        assertThat(all).containsExactlyElementsOf(expected);
    }

    @Test
    void pageEndingInsideATimestampGroupReturnsTheWholeGroup() {
        String task = taskWithLog();

        JsonNode page = ok("events.get_task_log", Map.of("task", task, "batch_size", 18));

        // 29..13 are 17 lines, the 18th is one of the three lines at T0+10: all three come
        assertThat(page.get("returned").asInt()).isEqualTo(20);
        assertThat(messages(page).subList(17, 20)).containsExactly("line 12", "line 11", "line 10");
    }

    @Test
    void navigatesForwardFromTheOldestAndOrdersThePageOnRequest() {
        String task = taskWithLog();

        JsonNode first = ok("events.get_task_log", Map.of("task", task, "batch_size", 4,
                "navigate_earlier", false, "order", "asc"));
        assertThat(messages(first)).containsExactly("line 0", "line 1", "line 2", "line 3");

        JsonNode next = ok("events.get_task_log", Map.of("task", task, "batch_size", 4, "navigate_earlier", false,
                "order", "asc", "from_timestamp", T0 + 3));
        assertThat(messages(next)).containsExactly("line 4", "line 5", "line 6", "line 7");

        JsonNode newestAsc = ok("events.get_task_log", Map.of("task", task, "batch_size", 3, "order", "asc"));
        assertThat(messages(newestAsc)).containsExactly("line 27", "line 28", "line 29");

        JsonNode oldest = ok("events.get_task_log", Map.of("task", task, "batch_size", 3,
                "navigate_earlier", false));
        assertThat(messages(oldest)).containsExactly("line 0", "line 1", "line 2");
        JsonNode oldestDesc = ok("events.get_task_log", Map.of("task", task, "batch_size", 3,
                "navigate_earlier", false, "order", "desc"));
        assertThat(messages(oldestDesc)).containsExactly("line 2", "line 1", "line 0");
    }

    @Test
    void totalIsCappedAt10000() {
        String task = createTask();
        String company = companyOf(task);
        List<Map<String, Object>> docs = new ArrayList<>();
        for (int i = 0; i < 10_050; i++) {
            docs.add(log(task, company, T0 + i, "info", "l" + i));
        }
        index(docs);

        JsonNode page = ok("events.get_task_log", Map.of("task", task, "batch_size", 10));

        assertThat(page.get("total").asInt()).isEqualTo(10_000);
        assertThat(page.get("returned").asInt()).isEqualTo(10);
    }

    @Test
    void taskWithoutLogHasAnEmptyLog() {
        JsonNode page = ok("events.get_task_log", Map.of("task", createTask()));

        assertThat(page.get("events")).isEmpty();
        assertThat(page.get("total").asInt()).isZero();
    }

    @Test
    void unknownOrForeignTaskIs400Subcode101AndMissingTaskIs400Subcode12() {
        assertError("events.get_task_log", Map.of("task", "0123456789abcdef0123456789abcdef"), 400, 101);
        String foreign = UUID.randomUUID().toString().replace("-", "");
        var tasks = mongoDatabase.getCollection("tasks");
        tasks.insertOne(new Document("_id", foreign).append("name", "theirs").append("company", "some-other-company"));
        try {
            assertError("events.get_task_log", Map.of("task", foreign), 400, 101);
        } finally {
            tasks.deleteOne(new Document("_id", foreign));
        }
        assertError("events.get_task_log", Map.of(), 400, 12);
        assertError("events.get_task_log", Map.of("task", "x", "order", "sideways"), 400, 12);
    }

    @Test
    void downloadIsAPlainTextAttachmentOldestFirstAsJsonOrText() throws Exception {
        String task = taskWithLog();

        HttpResponse<String> json = download("task=" + task);
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        assertThat(json.headers().firstValue("Content-Disposition").orElse(""))
                .contains("attachment").contains("task_" + task + ".log");
        String[] lines = json.body().split("\n");
        assertThat(lines).hasSize(30);
        assertThat(lines[0]).contains("\"msg\":\"line 0\"").contains("\"asctime\":" + T0)
                .doesNotContain("\"task\"").doesNotContain("\"type\"").doesNotContain("\"seq\"");
        assertThat(lines[29]).contains("\"msg\":\"line 29\"");

        HttpResponse<String> text = download("task=" + task + "&line_type=text");
        String[] textLines = text.body().split("\n");
        assertThat(textLines).hasSize(30);
        assertThat(textLines[0]).isEqualTo("2025-01-13 16:32:13,000 test-worker info line 0");

        HttpResponse<String> custom = download("task=" + task + "&line_type=text&line_format=%7Blevel%7D:%7Bmsg%7D");
        assertThat(custom.body().split("\n")[29]).isEqualTo("info:line 29");
    }

    @Test
    void downloadOfAnUnknownTaskIsAnErrorEnvelope() throws Exception {
        HttpResponse<String> response = download("task=0123456789abcdef0123456789abcdef");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"result_subcode\":101");
    }

    private HttpResponse<String> download(String query) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(apiBaseUrl() + V + "events.download_task_log?" + query))
                .header("Authorization", "Bearer " + api.token()).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> messages(JsonNode page) {
        List<String> messages = new ArrayList<>();
        page.get("events").forEach(e -> messages.add(e.get("msg").asText()));
        return messages;
    }
}
