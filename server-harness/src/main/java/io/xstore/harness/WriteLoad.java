package io.xstore.harness;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Concurrent writes from several threads: {@code tasks.create}, {@code tasks.edit} (a new comment),
 * {@code tasks.started} and {@code events.add_batch} (scalar events), each thread on its own tasks, recording in
 * {@link TaskLedger}s only what the server answered 200. Calls that fail (server killed) are counted, never
 * recorded; the threads keep calling until {@link #stop()}.
 */
public final class WriteLoad {

    public static final String METRIC = "loss";
    public static final String VARIANT = "v";
    private static final int ITERS_PER_BATCH = 5;

    private final HarnessApi api;
    private final Mix mix;
    private final List<Worker> workers = new ArrayList<>();
    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
    private volatile boolean running = true;

    /** Shares of the operations among the calls on existing tasks, after the first few creates of a thread. */
    public record Mix(double create, double edit, double started, double events) {
        public static final Mix ALL = new Mix(0.3, 0.35, 0.1, 0.25);
        public static final Mix TASKS_ONLY = new Mix(0.5, 0.5, 0, 0);
    }

    private WriteLoad(HarnessApi api, Mix mix) {
        this.api = api;
        this.mix = mix;
    }

    public static WriteLoad start(HarnessApi api, int threads, Mix mix) {
        WriteLoad load = new WriteLoad(api, mix);
        for (int i = 0; i < threads; i++) {
            Worker worker = load.new Worker("write-load-" + i);
            load.workers.add(worker);
            worker.start();
        }
        return load;
    }

    /** Stops the threads and returns every task whose creation was acknowledged. */
    public List<TaskLedger> stop() throws InterruptedException {
        running = false;
        List<TaskLedger> tasks = new ArrayList<>();
        for (Worker worker : workers) {
            worker.join();
            tasks.addAll(worker.tasks);
        }
        return tasks;
    }

    /**
     * While the load runs: what was acknowledged up to now, as copies of the ledgers (a later check accepts the
     * comments attempted after this moment too, as writes that may have landed).
     */
    public List<TaskLedger> acknowledgedSoFar() {
        List<TaskLedger> copies = new ArrayList<>();
        for (Worker worker : workers) {
            synchronized (worker.tasks) {
                worker.tasks.forEach(task -> copies.add(task.acknowledgedSoFar()));
            }
        }
        return copies;
    }

    /** Calls so far by outcome, e.g. {@code tasks.create 200} or {@code tasks.edit failed}. */
    public Map<String, Long> counts() {
        Map<String, Long> snapshot = new java.util.TreeMap<>();
        counts.forEach((key, value) -> snapshot.put(key, value.get()));
        return snapshot;
    }

    public long count(String key) {
        AtomicLong value = counts.get(key);
        return value == null ? 0 : value.get();
    }

    private final class Worker extends Thread {

        private final List<TaskLedger> tasks = new ArrayList<>();

        Worker(String name) {
            super(name);
            setDaemon(true);
        }

        @Override
        public void run() {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            while (running) {
                double r = random.nextDouble() * (mix.create() + mix.edit() + mix.started() + mix.events());
                boolean ok;
                if (tasks.size() < 3 || r < mix.create()) {
                    ok = create();
                } else {
                    TaskLedger task = tasks.get(random.nextInt(tasks.size()));
                    if (r < mix.create() + mix.edit()) {
                        ok = edit(task);
                    } else if (r < mix.create() + mix.edit() + mix.started() && !task.startAttempted()) {
                        ok = started(task);
                    } else if (mix.events() > 0) {
                        ok = addEvents(task);
                    } else {
                        ok = edit(task);
                    }
                }
                if (!ok) {
                    pause(); // the server is gone: do not spin on refused connections
                }
            }
        }

        private boolean create() {
            String name = "kill9 " + getName() + " " + tasks.size();
            HarnessApi.Reply reply = call("tasks.create", Map.of("name", name, "type", "training"));
            if (reply != null && reply.ok()) {
                synchronized (tasks) {
                    tasks.add(new TaskLedger(reply.data().get("id").asText()));
                }
            }
            return reply != null;
        }

        private boolean edit(TaskLedger task) {
            String comment = task.attemptComment();
            HarnessApi.Reply reply = call("tasks.edit", Map.of("task", task.id(), "comment", comment,
                    "force", true));
            if (reply != null && reply.ok()) {
                task.commentAcked();
            }
            return reply != null;
        }

        private boolean started(TaskLedger task) {
            task.markStartAttempted();
            HarnessApi.Reply reply = call("tasks.started", Map.of("task", task.id()));
            if (reply != null && reply.ok()) {
                task.startAcked();
            }
            return reply != null;
        }

        private boolean addEvents(TaskLedger task) {
            long first = task.takeIters(ITERS_PER_BATCH);
            StringBuilder lines = new StringBuilder();
            long now = System.currentTimeMillis();
            for (long iter = first; iter < first + ITERS_PER_BATCH; iter++) {
                lines.append("{\"task\":\"").append(task.id()).append("\",\"type\":\"training_stats_scalar\"")
                        .append(",\"metric\":\"" + METRIC + "\",\"variant\":\"" + VARIANT + "\"")
                        .append(",\"iter\":").append(iter).append(",\"value\":").append(iter * 0.5)
                        .append(",\"timestamp\":").append(now).append("}\n");
            }
            HarnessApi.Reply reply;
            try {
                reply = api.callJsonLines("events.add_batch", lines.toString());
                tally("events.add_batch", reply);
            } catch (IOException e) {
                tally("events.add_batch failed");
                return false;
            }
            if (reply.ok() && reply.data().path("added").asInt() == ITERS_PER_BATCH
                    && reply.data().path("errors").asInt() == 0) {
                task.itersAcked(first, ITERS_PER_BATCH);
            }
            return true;
        }

        /** The answer, or null when the call failed in transport (no answer at all). */
        private HarnessApi.Reply call(String endpoint, Object body) {
            try {
                HarnessApi.Reply reply = api.call(endpoint, body);
                tally(endpoint, reply);
                return reply;
            } catch (IOException e) {
                tally(endpoint + " failed");
                return null;
            }
        }
    }

    private void tally(String endpoint, HarnessApi.Reply reply) {
        tally(endpoint + " " + reply.status());
    }

    private void tally(String key) {
        counts.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
