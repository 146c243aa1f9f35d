package io.xstore.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.xstore.server.ApiClient;
import io.xstore.server.ServerTestSupport;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.xstore.server.api.TestApi.body;
import static io.xstore.server.api.TestApi.unique;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many workers race on queues.get_next_task through the real HTTP endpoint while another path (queues.remove_task)
 * takes entries out of the same queue: every entry goes to exactly one caller, none is lost or given twice.
 */
class GetNextTaskRaceIT extends ServerTestSupport {

    static final int ENTRIES = 120;
    static final int WORKERS = 12;
    static final int REMOVERS = 2;

    @Test
    void everyEntryIsHandedToExactlyOneCaller() throws Exception {
        TestApi api = new TestApi(apiBaseUrl());
        String project = api.createProject(unique("race"));
        String queue = api.ok("queues.create", body("name", unique("race-queue"))).get("id").asText();
        List<String> tasks = new ArrayList<>();
        for (int i = 0; i < ENTRIES; i++) {
            String task = api.createTask(unique("race-" + i), project);
            api.ok("tasks.enqueue", body("task", task, "queue", queue));
            tasks.add(task);
        }
        // the removers work from the back of the queue while the workers pop from the front, so the two paths meet
        List<String> toRemove = new ArrayList<>();
        for (int i = ENTRIES - 1; i >= 0; i -= 2) {
            toRemove.add(tasks.get(i));
        }

        ConcurrentLinkedQueue<String> popped = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> removed = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
        Map<String, List<String>> byWorker = new java.util.concurrent.ConcurrentHashMap<>();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(WORKERS + REMOVERS);
        List<Future<?>> futures = new ArrayList<>();
        for (int w = 0; w < WORKERS; w++) {
            String worker = "race-worker-" + w;
            futures.add(pool.submit(() -> {
                ApiClient client = new ApiClient(apiBaseUrl());
                String auth = "Bearer " + client.token();
                start.await();
                while (true) {
                    ApiClient.Reply reply = client.send("POST", TestApi.V + "queues.get_next_task",
                            body("queue", queue), auth, "X-ClearML-Worker", worker);
                    if (reply.status() != 200) {
                        errors.add(reply.body().toString());
                        return null;
                    }
                    JsonNode entry = reply.data().get("entry");
                    if (entry == null) {
                        return null;
                    }
                    popped.add(entry.get("task").asText());
                    byWorker.computeIfAbsent(worker, k -> Collections.synchronizedList(new ArrayList<>()))
                            .add(entry.get("task").asText());
                }
            }));
        }
        for (int r = 0; r < REMOVERS; r++) {
            int offset = r;
            futures.add(pool.submit(() -> {
                ApiClient client = new ApiClient(apiBaseUrl());
                String auth = "Bearer " + client.token();
                start.await();
                for (int i = offset; i < toRemove.size(); i += REMOVERS) {
                    String task = toRemove.get(i);
                    ApiClient.Reply reply = client.send("POST", TestApi.V + "queues.remove_task",
                            body("queue", queue, "task", task), auth);
                    if (reply.status() == 200) {
                        removed.add(task);
                    } else if (reply.body().get("meta").get("result_subcode").asInt() != 703) {
                        errors.add(reply.body().toString());
                    }
                }
                return null;
            }));
        }
        long began = System.nanoTime();
        start.countDown();
        for (Future<?> future : futures) {
            future.get(5, TimeUnit.MINUTES);
        }
        long millis = (System.nanoTime() - began) / 1_000_000;
        pool.shutdown();

        List<String> all = new ArrayList<>(popped);
        all.addAll(removed);
        Set<String> unique = new HashSet<>(all);
        System.out.printf("get_next_task race: %d entries, %d workers + %d removers, %d popped, %d removed, "
                        + "%d duplicates, %d lost, %d ms; per worker %s%n", ENTRIES, WORKERS, REMOVERS,
                popped.size(), removed.size(), all.size() - unique.size(), ENTRIES - unique.size(), millis,
                byWorker.values().stream().map(List::size).toList());

        assertThat(errors).isEmpty();
        assertThat(all).hasSize(ENTRIES);
        assertThat(unique).containsExactlyInAnyOrderElementsOf(tasks);
        assertThat(api.ok("queues.get_num_entries", body("queue", queue)).get("num").asInt()).isZero();
        assertThat(byWorker.size()).isGreaterThan(1);
    }
}
