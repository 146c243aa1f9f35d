package io.xstore.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.xstore.server.ServerTestSupport;

import static io.xstore.server.api.TestApi.body;
import static io.xstore.server.api.TestApi.unique;
import static org.assertj.core.api.Assertions.assertThat;

/** queues.* and tasks.enqueue/dequeue over HTTP (docs/api/queues.md). */
class QueuesIT extends ServerTestSupport {

    private TestApi api;
    private String project;

    @BeforeEach
    void setUp() {
        api = new TestApi(apiBaseUrl());
        project = api.createProject(unique("queues-it"));
    }

    private String newQueue() {
        return api.ok("queues.create", body("name", unique("queue"))).get("id").asText();
    }

    private List<String> entries(String queue) {
        List<String> tasks = new ArrayList<>();
        api.ok("queues.get_by_id", body("queue", queue)).get("queue").get("entries")
                .forEach(e -> tasks.add(e.get("task").asText()));
        return tasks;
    }

    @Test
    void defaultAndServicesQueuesExistFromTheFirstStart() {
        JsonNode def = api.ok("queues.get_default", body());
        assertThat(def.get("name").asText()).isEqualTo("default");
        JsonNode queue = api.ok("queues.get_by_id", body("queue", def.get("id").asText())).get("queue");
        assertThat(queue.get("system_tags").toString()).contains("default");
        assertThat(queue.get("user").asText()).isEqualTo("__system__");
        JsonNode services = api.ok("queues.get_all", body("name", "^services$")).get("queues");
        assertThat(services).hasSize(1);
    }

    @Test
    void createGetUpdateAndDuplicateName() {
        String name = unique("queue");
        String id = api.ok("queues.create", body("name", name, "tags", List.of("a"))).get("id").asText();
        assertThat(id).matches(WireShapes.ID);
        JsonNode queue = api.ok("queues.get_by_id", body("queue", id)).get("queue");
        assertThat(queue.get("name").asText()).isEqualTo(name);
        assertThat(queue.get("entries")).isEmpty();
        assertThat(queue.get("tags").toString()).isEqualTo("[\"a\"]");
        assertThat(queue.has("created")).isTrue();
        assertThat(queue.has("last_update")).isTrue();
        api.error("queues.create", body("name", name), 400, 801);
        api.error("queues.create", body("name", "ab"), 400, 12);
        api.error("queues.create", body(), 400, 12);

        String renamed = unique("renamed");
        JsonNode updated = api.ok("queues.update", body("queue", id, "name", renamed, "tags", List.of("b")));
        assertThat(updated.get("updated").asInt()).isEqualTo(1);
        assertThat(api.ok("queues.get_by_id", body("queue", id)).get("queue").get("name").asText())
                .isEqualTo(renamed);
        assertThat(api.ok("queues.get_all", body("name", "^" + renamed + "$")).get("queues")).hasSize(1);
        api.error("queues.get_by_id", body("queue", "nope"), 400, 701);
        api.error("queues.update", body("queue", "nope", "name", unique("x")), 400, 701);
    }

    @Test
    void enqueueQueuesTheTaskAndDequeueRestoresItsStatus() {
        String queue = newQueue();
        String task = api.createTask(unique("task"), project);

        JsonNode enqueued = api.ok("tasks.enqueue", body("task", task, "queue", queue));
        assertThat(enqueued.get("queued").asInt()).isEqualTo(1);
        assertThat(enqueued.get("fields").get("execution.queue").asText()).isEqualTo(queue);
        JsonNode doc = api.task(task);
        assertThat(doc.get("status").asText()).isEqualTo("queued");
        assertThat(doc.get("execution").get("queue").asText()).isEqualTo(queue);
        assertThat(doc.get("system_tags").toString()).doesNotContain("development");
        JsonNode withHidden = api.ok("tasks.get_all", body("id", List.of(task), "only_fields",
                List.of("enqueue_status"))).get("tasks").get(0);
        assertThat(withHidden.get("enqueue_status").asText()).isEqualTo("created");
        assertThat(entries(queue)).containsExactly(task);
        api.error("tasks.enqueue", body("task", task, "queue", queue), 400, 706);

        JsonNode dequeued = api.ok("tasks.dequeue", body("task", task));
        assertThat(dequeued.get("dequeued").asInt()).isEqualTo(1);
        assertThat(dequeued.get("updated").asInt()).isEqualTo(1);
        assertThat(api.task(task).get("status").asText()).isEqualTo("created");
        assertThat(entries(queue)).isEmpty();
        assertThat(api.ok("tasks.dequeue", body("task", task)).get("updated").asInt()).isZero();
    }

    @Test
    void enqueueWithoutAQueueUsesTheDefaultAndByNameCreatesTheQueue() {
        String task = api.createTask(unique("task"), project);
        String defaultQueue = api.ok("queues.get_default", body()).get("id").asText();
        api.ok("tasks.enqueue", body("task", task));
        assertThat(entries(defaultQueue)).contains(task);
        api.ok("tasks.dequeue", body("task", task));

        String name = unique("by-name");
        api.ok("tasks.enqueue", body("task", task, "queue_name", name));
        JsonNode byName = api.ok("queues.get_all", body("name", "^" + name + "$")).get("queues");
        assertThat(byName).hasSize(1);
        assertThat(byName.get(0).get("entries").get(0).get("task").asText()).isEqualTo(task);
        assertThat(entries(defaultQueue)).doesNotContain(task);
        api.error("tasks.enqueue", body("task", "nope", "queue", byName.get(0).get("id").asText()), 400, 101);
        api.error("tasks.enqueue", body("task", api.createTask(unique("t"), project), "queue", "nope"), 400, 701);
    }

    @Test
    void enqueueManyAndDequeueManyAnswerPerTask() {
        String queue = newQueue();
        String a = api.createTask(unique("a"), project);
        String b = api.createTask(unique("b"), project);
        JsonNode many = api.ok("tasks.enqueue_many", body("ids", List.of(a, b, "nope"), "queue", queue));
        assertThat(many.get("succeeded")).hasSize(2);
        assertThat(many.get("failed")).hasSize(1);
        assertThat(entries(queue)).containsExactly(a, b);
        JsonNode out = api.ok("tasks.dequeue_many", body("ids", List.of(a, b)));
        assertThat(out.get("succeeded")).hasSize(2);
        assertThat(entries(queue)).isEmpty();
    }

    @Test
    void entriesMoveAndArePeekedCountedAndPoppedInOrder() {
        String queue = newQueue();
        List<String> tasks = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String task = api.createTask(unique("t" + i), project);
            api.ok("tasks.enqueue", body("task", task, "queue", queue));
            tasks.add(task);
        }
        String t0 = tasks.get(0);
        String t1 = tasks.get(1);
        String t2 = tasks.get(2);
        String t3 = tasks.get(3);
        assertThat(api.ok("queues.move_task_to_front", body("queue", queue, "task", t3)).get("position").asInt())
                .isZero();
        assertThat(entries(queue)).containsExactly(t3, t0, t1, t2);
        api.ok("queues.move_task_backward", body("queue", queue, "task", t3, "count", 2));
        assertThat(entries(queue)).containsExactly(t0, t1, t3, t2);
        api.ok("queues.move_task_forward", body("queue", queue, "task", t2));
        assertThat(entries(queue)).containsExactly(t0, t1, t2, t3);
        api.ok("queues.move_task_to_back", body("queue", queue, "task", t0));
        assertThat(entries(queue)).containsExactly(t1, t2, t3, t0);
        api.error("queues.move_task_forward", body("queue", queue, "task", "nope"), 400, 703);

        assertThat(api.ok("queues.peek_task", body("queue", queue)).get("task").asText()).isEqualTo(t1);
        assertThat(api.ok("queues.get_num_entries", body("queue", queue)).get("num").asInt()).isEqualTo(4);
        JsonNode next = api.ok("queues.get_next_task", body("queue", queue, "get_task_info", true));
        assertThat(next.get("entry").get("task").asText()).isEqualTo(t1);
        assertThat(next.get("entry").has("added")).isTrue();
        assertThat(next.get("task_info").get("company").asText()).isNotEmpty();
        assertThat(entries(queue)).containsExactly(t2, t3, t0);

        assertThat(api.ok("queues.remove_task", body("queue", queue, "task", t2)).get("removed").asInt())
                .isEqualTo(1);
        api.error("queues.remove_task", body("queue", queue, "task", t2), 400, 703);

        JsonNode cleared = api.ok("queues.clear_queue", body("queue", queue));
        assertThat(cleared.get("removed_tasks")).hasSize(2);
        assertThat(api.task(t3).get("status").asText()).isEqualTo("created");
        assertThat(api.ok("queues.get_next_task", body("queue", queue)).size()).isZero();
        assertThat(api.ok("queues.peek_task", body("queue", queue)).size()).isZero();
    }

    @Test
    void deletingAQueueWithEntriesNeedsForceAndRevertsItsTasks() {
        String queue = newQueue();
        String task = api.createTask(unique("task"), project);
        api.ok("tasks.enqueue", body("task", task, "queue", queue));
        api.error("queues.delete", body("queue", queue), 400, 702);
        assertThat(api.task(task).get("status").asText()).isEqualTo("queued");

        api.ok("queues.delete", body("queue", queue, "force", true));
        assertThat(api.task(task).get("status").asText()).isEqualTo("created");
        api.error("queues.get_by_id", body("queue", queue), 400, 701);
        api.error("queues.delete", body("queue", queue), 400, 701);
    }

    @Test
    void metadataIsAddedUpdatedAndDeleted() {
        String queue = newQueue();
        api.ok("queues.add_or_update_metadata", body("queue", queue, "metadata",
                List.of(Map.of("key", "gpu", "type", "str", "value", "a100"), Map.of("key", "n", "value", "2"))));
        JsonNode metadata = api.ok("queues.get_by_id", body("queue", queue)).get("queue").get("metadata");
        assertThat(metadata.get("gpu").get("value").asText()).isEqualTo("a100");
        api.ok("queues.delete_metadata", body("queue", queue, "keys", List.of("gpu")));
        metadata = api.ok("queues.get_by_id", body("queue", queue)).get("queue").get("metadata");
        assertThat(metadata.has("gpu")).isFalse();
        assertThat(metadata.has("n")).isTrue();
        api.error("queues.add_or_update_metadata", body("queue", queue), 400, 11);
    }

    @Test
    void getAllExJoinsTaskNamesAndQueueMetricsSampleEachChange() {
        String queue = newQueue();
        String name = unique("named");
        String task = api.createTask(name, project);
        api.ok("tasks.enqueue", body("task", task, "queue", queue));
        JsonNode ex = api.ok("queues.get_all_ex", body("id", List.of(queue))).get("queues").get(0);
        assertThat(ex.get("entries").get(0).get("task").get("name").asText()).isEqualTo(name);
        assertThat(ex.get("workers").isArray()).isTrue();

        api.ok("queues.get_next_task", body("queue", queue));
        long now = Instant.now().getEpochSecond();
        JsonNode metrics = api.ok("queues.get_queue_metrics", body("from_date", now - 600, "to_date", now + 60,
                "interval", 3600, "queue_ids", List.of(queue))).get("queues").get(0);
        assertThat(metrics.get("queue").asText()).isEqualTo(queue);
        assertThat(metrics.get("dates")).hasSize(1);
        // two samples (added: length 1, waited 0 s; popped: length 0): the one that waited longest stands
        assertThat(metrics.get("queue_lengths").get(0).isInt()).isTrue();
        assertThat(metrics.get("avg_waiting_times").get(0).asDouble()).isGreaterThanOrEqualTo(0.0);
        api.error("queues.get_queue_metrics", body("from_date", now, "to_date", now), 400, 12);
        api.error("queues.get_queue_metrics", body("to_date", now, "interval", 10), 400, 11);
    }

    @Test
    void stoppingResettingOrArchivingAQueuedTaskTakesItOutOfItsQueue() {
        String queue = newQueue();
        String stopped = api.createTask(unique("stop"), project);
        String reset = api.createTask(unique("reset"), project);
        String archived = api.createTask(unique("archive"), project);
        for (String task : List.of(stopped, reset, archived)) {
            api.ok("tasks.enqueue", body("task", task, "queue", queue));
        }
        api.ok("tasks.stop", body("task", stopped));
        assertThat(api.task(stopped).get("status").asText()).isEqualTo("stopped");
        api.ok("tasks.reset", body("task", reset));
        api.ok("tasks.archive", body("tasks", List.of(archived)));
        assertThat(entries(queue)).isEmpty();
    }
}
