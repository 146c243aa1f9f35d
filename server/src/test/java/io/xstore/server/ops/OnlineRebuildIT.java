package io.xstore.server.ops;

import com.fasterxml.jackson.databind.JsonNode;
import io.xstore.migration.ops.OpsCli;
import io.xstore.readmodel.events.EventFields;
import io.xstore.readmodel.events.EventIndices;
import io.xstore.server.ApiClient;
import io.xstore.server.ServerTestSupport;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The online rebuilds run on the running server, asked for by the operations tool, while clients keep writing and
 * reading: nothing acknowledged is missing after the switch, reads never fail or go back, and the replayed read
 * models equal the live ones.
 */
class OnlineRebuildIT extends ServerTestSupport {

    private static final int EVENTS_PER_BATCH = 25;
    private static final int MAX_BATCHES = 200;

    private final ApiClient api = new ApiClient(apiBaseUrl());
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void onlineReindexKeepsAnsweringAndLosesNoEventAtTheSwitch() throws Exception {
        String task = newTask("online reindex");
        String company = api.call("/tasks.get_by_id", Map.of("task", task)).data().get("task").get("company")
                .asText();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger batches = new AtomicInteger();
        List<String> failures = new CopyOnWriteArrayList<>();
        Thread writer = new Thread(() -> {
            while (!stop.get() && batches.get() < MAX_BATCHES) {
                int b = batches.get();
                int status = addBatch(task, b);
                if (status == 200) {
                    batches.incrementAndGet();
                } else {
                    failures.add("events.add_batch answered " + status);
                }
                pause(20);
            }
        });
        List<Long> seen = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            while (!stop.get()) {
                ApiClient.Reply histogram = api.call("/events.scalar_metrics_iter_histogram",
                        Map.of("task", task, "samples", 6000));
                ApiClient.Reply log = api.call("/events.get_task_log", Map.of("task", task));
                if (histogram.status() != 200 || log.status() != 200) {
                    failures.add("reads answered " + histogram.status() + "/" + log.status());
                } else {
                    JsonNode series = histogram.data().path("loss").path("train").path("x");
                    seen.add((long) series.size());
                }
                pause(50);
            }
        });
        writer.start();
        while (batches.get() < 40) {
            pause(20);
        }
        reader.start();

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        OpsCli.Outcome outcome = OpsCli.run(new String[] {"reindex", "--data-dir=" + DATA_DIR},
                new PrintStream(out, true, StandardCharsets.UTF_8));
        int atSwitch = batches.get();
        while (batches.get() < Math.min(MAX_BATCHES, atSwitch + 10)) {
            pause(20);
        }
        stop.set(true);
        writer.join();
        reader.join();

        String summary = out.toString(StandardCharsets.UTF_8);
        assertThat(outcome.exitCode()).as(summary).isZero();
        assertThat(summary).startsWith("online reindex: ").contains("reads switched");
        assertThat(failures).isEmpty();
        for (int i = 1; i < seen.size(); i++) {
            assertThat(seen.get(i)).as("points seen by read %d never go back", i)
                    .isGreaterThanOrEqualTo(seen.get(i - 1));
        }
        String scalars = EventIndices.index(EventIndices.SCALAR, company);
        assertThat(elasticsearchClient.indices().getAlias(a -> a.name(scalars)).result().keySet())
                .singleElement().asString().startsWith(scalars + "-g");
        long acknowledged = (long) batches.get() * EVENTS_PER_BATCH;
        assertThat(count(scalars, task)).isEqualTo(acknowledged);
        assertThat(count(EventIndices.index(EventIndices.LOG, company), task)).isEqualTo(batches.get());
        JsonNode histogram = api.call("/events.scalar_metrics_iter_histogram", Map.of("task", task, "samples", 6000))
                .data().path("loss").path("train");
        assertThat(histogram.path("x")).hasSize((int) acknowledged);
        long deadline = System.nanoTime() + 30_000_000_000L;
        long lastIteration = -1;
        while (lastIteration != acknowledged - 1 && System.nanoTime() < deadline) {
            pause(200);
            lastIteration = api.call("/tasks.get_by_id", Map.of("task", task)).data().get("task")
                    .path("last_iteration").asLong();
        }
        assertThat(lastIteration).as("summaries go on after the switch").isEqualTo(acknowledged - 1);
    }

    @Test
    void onlineReplaySwitchesToEqualReadModelsWhileTasksAreWritten() throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        List<String> created = new CopyOnWriteArrayList<>();
        List<String> failures = new CopyOnWriteArrayList<>();
        Thread writer = new Thread(() -> {
            while (!stop.get()) {
                ApiClient.Reply reply = api.call("/tasks.create", Map.of("name", "online replay "
                        + UUID.randomUUID(), "type", "training"));
                if (reply.status() != 200) {
                    failures.add("tasks.create answered " + reply.status());
                    continue;
                }
                String id = reply.data().get("id").asText();
                ApiClient.Reply edit = api.call("/tasks.edit", Map.of("task", id, "comment", "comment of " + id));
                if (edit.status() != 200) {
                    failures.add("tasks.edit answered " + edit.status() + " " + edit.body());
                }
                created.add(id);
                pause(20);
            }
        });
        Thread reader = new Thread(() -> {
            while (!stop.get()) {
                ApiClient.Reply all = api.call("/tasks.get_all_ex", Map.of("page", 0, "page_size", 10));
                if (all.status() != 200) {
                    failures.add("tasks.get_all_ex answered " + all.status());
                }
                pause(50);
            }
        });
        writer.start();
        reader.start();
        while (created.size() < 20) {
            pause(20);
        }

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        OpsCli.Outcome outcome = OpsCli.run(new String[] {"replay", "--data-dir=" + DATA_DIR},
                new PrintStream(out, true, StandardCharsets.UTF_8));
        int atSwitch = created.size();
        while (created.size() < atSwitch + 10) {
            pause(20);
        }
        stop.set(true);
        writer.join();
        reader.join();

        String summary = out.toString(StandardCharsets.UTF_8);
        assertThat(outcome.exitCode()).as(summary).isZero();
        assertThat(summary).startsWith("online replay: ").contains(" 0 difference(s)")
                .contains("reads switched");
        assertThat(failures).isEmpty();
        for (String id : new ArrayList<>(created)) {
            JsonNode task = api.call("/tasks.get_by_id", Map.of("task", id)).data().get("task");
            assertThat(task.get("comment").asText()).isEqualTo("comment of " + id);
        }
        // read-your-writes on the new generation: a lookup by id copied before the switch is not served after a write
        String first = created.iterator().next();
        api.call("/tasks.get_by_id", Map.of("task", first));
        api.call("/tasks.edit", Map.of("task", first, "comment", "after the switch"));
        assertThat(api.call("/tasks.get_by_id", Map.of("task", first)).data().get("task").get("comment").asText())
                .isEqualTo("after the switch");

        ByteArrayOutputStream check = new ByteArrayOutputStream();
        OpsCli.Outcome checked = OpsCli.run(new String[] {"replay", "--check-only", "--data-dir=" + DATA_DIR},
                new PrintStream(check, true, StandardCharsets.UTF_8));
        String checkSummary = check.toString(StandardCharsets.UTF_8);
        assertThat(checked.exitCode()).as(checkSummary).isZero();
        assertThat(checkSummary).contains(", 0 read again after concurrent writes, 0 difference(s)")
                .contains("checked only");
    }

    private int addBatch(String task, int batch) {
        StringBuilder lines = new StringBuilder();
        for (int k = 0; k < EVENTS_PER_BATCH; k++) {
            int iter = batch * EVENTS_PER_BATCH + k;
            lines.append("{\"task\": \"").append(task).append("\", \"type\": \"training_stats_scalar\", ")
                    .append("\"metric\": \"loss\", \"variant\": \"train\", \"iter\": ").append(iter)
                    .append(", \"value\": ").append(1.0 / (iter + 1)).append(", \"timestamp\": ")
                    .append(1_700_000_000_000L + iter).append("}\n");
        }
        lines.append("{\"task\": \"").append(task).append("\", \"type\": \"log\", \"level\": \"info\", ")
                .append("\"msg\": \"batch ").append(batch).append("\", \"timestamp\": ")
                .append(1_700_000_000_000L + batch).append("}\n");
        try {
            return http.send(HttpRequest.newBuilder(URI.create(apiBaseUrl() + "/v2.23/events.add_batch"))
                            .header("Authorization", "Bearer " + api.token())
                            .header("Content-Type", "application/json-lines")
                            .POST(HttpRequest.BodyPublishers.ofString(lines.toString())).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    private long count(String index, String task) throws Exception {
        return elasticsearchClient.count(c -> c.index(index)
                .query(q -> q.term(t -> t.field(EventFields.TASK).value(task)))).count();
    }

    private String newTask(String name) {
        return api.call("/tasks.create", Map.of("name", name + " " + UUID.randomUUID(), "type", "training"))
                .data().get("id").asText();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
