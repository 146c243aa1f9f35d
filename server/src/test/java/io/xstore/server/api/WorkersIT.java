package io.xstore.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.xstore.server.ApiClient;
import io.xstore.server.ServerTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static io.xstore.server.api.TestApi.body;
import static io.xstore.server.api.TestApi.unique;
import static org.assertj.core.api.Assertions.assertThat;

/** workers.* over HTTP, and an agent's whole loop: enqueue, two workers race, started, completed (docs/api). */
class WorkersIT extends ServerTestSupport {

    private TestApi api;
    private String project;

    @BeforeEach
    void setUp() {
        api = new TestApi(apiBaseUrl());
        project = api.createProject(unique("workers-it"));
    }

    private JsonNode worker(String id) {
        for (JsonNode worker : api.ok("workers.get_all", body()).get("workers")) {
            if (worker.get("id").asText().equals(id)) {
                return worker;
            }
        }
        return null;
    }

    private ApiClient.Reply asWorker(ApiClient client, String worker, String endpoint, Object body) {
        return client.send("POST", TestApi.V + endpoint, body, "Bearer " + client.token(), "X-ClearML-Worker",
                worker);
    }

    @Test
    void registerReportAndUnregister() {
        String queue = api.ok("queues.create", body("name", unique("wq"))).get("id").asText();
        String id = unique("worker");
        api.ok("workers.register", body("worker", id, "queues", List.of(queue), "tags", List.of("gpu")));
        JsonNode worker = worker(id);
        assertThat(worker).isNotNull();
        assertThat(worker.get("queues").get(0).get("id").asText()).isEqualTo(queue);
        assertThat(worker.get("queues").get(0).get("num_tasks").asInt()).isZero();
        assertThat(worker.get("user").get("id").asText()).isNotEmpty();
        assertThat(worker.has("register_time")).isTrue();
        assertThat(worker.get("tags").toString()).contains("gpu");
        JsonNode listening = api.ok("queues.get_all_ex", body("id", List.of(queue))).get("queues").get(0)
                .get("workers");
        assertThat(listening.get(0).get("name").asText()).isEqualTo(id);
        ApiClient.Reply count = new ApiClient(apiBaseUrl()).call("/v2.26/workers.get_count", body());
        assertThat(count.data().get("count").asInt()).isPositive();

        api.error("workers.register", body("worker", id, "queues", List.of("nope")), 400, 701);
        api.error("workers.register", body(), 400, 12);
        api.error("workers.status_report", body("worker", id), 400, 11);
        api.error("workers.status_report", body("worker", id, "timestamp", 1, "task", "nope"), 400, 101);

        api.ok("workers.unregister", body("worker", id));
        assertThat(worker(id)).isNull();
        api.ok("workers.unregister", body("worker", id));
    }

    @Test
    void aSilentWorkerIsDroppedAfterItsTimeout() throws InterruptedException {
        String id = unique("short");
        api.ok("workers.register", body("worker", id, "timeout", 1));
        assertThat(worker(id)).isNotNull();
        Thread.sleep(2_100);
        assertThat(worker(id)).isNull();
        api.error("workers.register", body("worker", id, "timeout", 0), 400, 12);
    }

    @Test
    void statusReportsSetTheTasksLastWorkerAndStoreMachineStatistics() {
        String id = unique("stats");
        String task = api.createTask(body("name", unique("run"), "type", "training", "project", project));
        api.ok("tasks.started", body("task", task));
        long now = Instant.now().getEpochSecond();
        api.ok("workers.status_report", body("worker", id, "timestamp", now, "task", task, "machine_stats",
                Map.of("cpu_usage", List.of(10.0, 30.0), "memory_used", 1024, "gpu_usage", List.of(50.0))));
        api.ok("workers.status_report", body("worker", id, "timestamp", now, "task", task, "machine_stats",
                Map.of("cpu_usage", List.of(20.0, 40.0), "memory_used", 2048)));

        JsonNode taskDoc = api.task(task);
        assertThat(taskDoc.get("last_worker").asText()).isEqualTo(id);
        assertThat(taskDoc.has("last_worker_report")).isTrue();
        JsonNode worker = worker(id);
        assertThat(worker.get("task").get("id").asText()).isEqualTo(task);
        assertThat(worker.get("project").get("id").asText()).isEqualTo(project);

        JsonNode stats = api.ok("workers.get_stats", body("from_date", now - 60, "to_date", now + 60,
                "interval", 3600, "worker_ids", List.of(id), "items", List.of(Map.of("key", "cpu_usage",
                        "category", "avg"), Map.of("key", "cpu_usage", "category", "max"),
                        Map.of("key", "memory_used", "category", "min")))).get("workers");
        assertThat(stats).hasSize(1);
        Map<String, JsonNode> metrics = new java.util.HashMap<>();
        stats.get(0).get("metrics").forEach(m -> metrics.put(m.get("metric").asText(), m));
        assertThat(metrics.get("cpu_usage").get("stats").toString())
                .contains("{\"aggregation\":\"avg\",\"values\":[25.0]}")
                .contains("{\"aggregation\":\"max\",\"values\":[40.0]}");
        assertThat(metrics.get("memory_used").get("stats").get(0).get("values").get(0).asDouble())
                .isEqualTo(1024.0);
        JsonNode split = api.ok("workers.get_stats", body("from_date", now - 60, "to_date", now + 60,
                "interval", 3600, "worker_ids", List.of(id), "split_by_variant", true, "items",
                List.of(Map.of("key", "cpu_usage", "category", "avg")))).get("workers").get(0).get("metrics");
        assertThat(split).hasSize(2);

        JsonNode keys = api.ok("workers.get_metric_keys", body("worker_ids", List.of(id))).get("categories");
        assertThat(keys.toString()).contains("\"name\":\"cpu\"").contains("cpu_usage").contains("gpu_usage")
                .contains("memory_used");

        JsonNode activity = api.ok("workers.get_activity_report", body("from_date", now - 60, "to_date", now + 60,
                "interval", 3600));
        assertThat(activity.get("total").get("counts").get(0).asInt()).isPositive();
        assertThat(activity.get("active").get("counts").get(0).asInt()).isPositive();
        api.error("workers.get_stats", body("from_date", now, "to_date", now, "interval", 10), 400, 11);

        // a live worker runs it: stop only asks it to stop
        api.ok("tasks.stop", body("task", task));
        JsonNode stopping = api.task(task);
        assertThat(stopping.get("status").asText()).isEqualTo("in_progress");
        assertThat(stopping.get("status_message").asText()).isEqualTo("stopping");
        api.ok("workers.unregister", body("worker", id));
        forget(task);
    }

    /** The agent loop of the report: enqueue to default, two workers race, one runs it to completed. */
    @Test
    void enqueuedTaskIsPulledByExactlyOneOfTwoRacingWorkersAndCompletes() throws Exception {
        String defaultQueue = api.ok("queues.get_default", body()).get("id").asText();
        api.ok("queues.clear_queue", body("queue", defaultQueue));
        String task = api.createTask(unique("agent-run"), project);
        api.ok("tasks.enqueue", body("task", task));
        ApiClient one = new ApiClient(apiBaseUrl());
        ApiClient two = new ApiClient(apiBaseUrl());
        for (String w : List.of("agent-1", "agent-2")) {
            asWorker(one, w, "workers.register", body("worker", w, "queues", List.of(defaultQueue)));
        }
        CompletableFuture<JsonNode> a = CompletableFuture.supplyAsync(() ->
                asWorker(one, "agent-1", "queues.get_next_task", body("queue", defaultQueue)).data());
        CompletableFuture<JsonNode> b = CompletableFuture.supplyAsync(() ->
                asWorker(two, "agent-2", "queues.get_next_task", body("queue", defaultQueue)).data());
        List<JsonNode> answers = new ArrayList<>(List.of(a.get(), b.get()));
        answers.removeIf(data -> !data.has("entry"));
        assertThat(answers).hasSize(1);
        assertThat(answers.get(0).get("entry").get("task").asText()).isEqualTo(task);

        api.ok("workers.status_report", body("worker", "agent-1", "timestamp", Instant.now().getEpochSecond(),
                "task", task, "queue", defaultQueue));
        api.ok("tasks.started", body("task", task));
        api.ok("tasks.completed", body("task", task));
        JsonNode done = api.task(task);
        assertThat(done.get("status").asText()).isEqualTo("completed");
        assertThat(done.get("execution").get("queue").asText()).isEqualTo(defaultQueue);

        JsonNode history = api.ok("history.get_queue", body("queue", defaultQueue)).get("entries");
        assertThat(history.toString()).contains("\"kind\":\"entry_popped\"").contains(task);
        for (String w : List.of("agent-1", "agent-2")) {
            api.ok("workers.unregister", body("worker", w));
        }
        forget(task);
    }

    /** last_worker is liveness written past the event store: leave nothing a replay could not rebuild. */
    private void forget(String task) {
        api.ok("tasks.delete", body("task", task, "force", true));
    }
}
