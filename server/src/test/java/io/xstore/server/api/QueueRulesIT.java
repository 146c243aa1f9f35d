package io.xstore.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.xstore.server.ServerTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.xstore.server.api.TestApi.body;
import static io.xstore.server.api.TestApi.unique;
import static org.assertj.core.api.Assertions.assertThat;

/** Queue rules found in review (docs/api/queues.md): unique names under races, add_task, get_next_task on a stop. */
class QueueRulesIT extends ServerTestSupport {

    private TestApi api;
    private String project;

    @BeforeEach
    void setUp() {
        api = new TestApi(apiBaseUrl());
        project = api.createProject(unique("queue-rules-it"));
    }

    @Test
    void concurrentCreatesOfOneNameGiveExactlyOneQueue() throws Exception {
        for (int round = 0; round < 5; round++) {
            String name = unique("racy");
            int callers = 6;
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(callers);
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                Callable<Integer> create = () -> {
                    start.await();
                    return api.call("queues.create", body("name", name)).status();
                };
                results.add(pool.submit(create));
            }
            start.countDown();
            int created = 0;
            for (Future<Integer> result : results) {
                int code = result.get();
                assertThat(code).as("a duplicate is a client error, never a 5xx").isIn(200, 400);
                created += code == 200 ? 1 : 0;
            }
            pool.shutdown();
            assertThat(created).isEqualTo(1);
            assertThat(api.ok("queues.get_all", body("name", "^" + name + "$")).get("queues")).hasSize(1);
        }
    }

    @Test
    void renameOntoATakenNameIsRefused() {
        String taken = unique("taken");
        api.ok("queues.create", body("name", taken));
        String other = api.ok("queues.create", body("name", unique("other"))).get("id").asText();
        api.error("queues.update", body("queue", other, "name", taken), 400, 801);
        api.ok("queues.update", body("queue", other, "name", unique("free")));
    }

    @Test
    void addTaskSetsTheExecutionQueueUnlessToldNotTo() {
        String queue = api.ok("queues.create", body("name", unique("add"))).get("id").asText();
        String task = api.createTask(unique("task"), project);
        api.ok("queues.add_task", body("queue", queue, "task", task));
        JsonNode doc = api.task(task);
        assertThat(doc.get("status").asText()).as("add_task does not change the status").isEqualTo("created");
        assertThat(doc.get("execution").get("queue").asText()).isEqualTo(queue);

        String second = api.ok("queues.create", body("name", unique("add"))).get("id").asText();
        String other = api.createTask(unique("task"), project);
        api.ok("queues.add_task", body("queue", second, "task", other, "update_execution_queue", false));
        assertThat(api.task(other).path("execution").path("queue").isMissingNode()
                || api.task(other).path("execution").path("queue").isNull()).isTrue();
        api.error("queues.add_task", body("queue", second, "task", "no-such-task"), 400, 101);
        api.error("queues.add_task", body("queue", "no-such-queue", "task", other), 400, 701);
    }

    @Test
    void aStoppedTaskPoppedByAWorkerIsQueuedAgain() {
        String queue = api.ok("queues.create", body("name", unique("pop"))).get("id").asText();
        String task = api.createTask(unique("task"), project);
        api.ok("tasks.started", body("task", task));
        api.ok("tasks.stop", body("task", task));
        assertThat(api.task(task).get("status").asText()).isEqualTo("stopped");
        api.ok("queues.add_task", body("queue", queue, "task", task));

        JsonNode popped = api.ok("queues.get_next_task", body("queue", queue));
        assertThat(popped.get("entry").get("task").asText()).isEqualTo(task);
        assertThat(api.task(task).get("status").asText()).isEqualTo("queued");
        JsonNode history = api.ok("history.get_task", body("task", task));
        assertThat(history.toString()).contains("enqueued");
    }
}
