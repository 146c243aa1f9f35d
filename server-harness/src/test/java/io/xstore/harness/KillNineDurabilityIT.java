package io.xstore.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of the server under concurrent writes, then a restart on the same data directory: every write the server
 * acknowledged must be there. The server is a child JVM ({@link ServerProcess}), never the test's own. Trials and
 * load per trial: {@code -Dxstore.crash.trials=N -Dxstore.crash.loadSeconds=S}.
 */
class KillNineDurabilityIT {

    private static final int THREADS = 6;
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration EVENTS_PATIENCE = Duration.ofSeconds(90);

    private final int trials = Integer.getInteger("xstore.crash.trials", 2);
    private final double loadSeconds = Double.parseDouble(System.getProperty("xstore.crash.loadSeconds", "4"));

    /** What one trial acknowledged, lost and measured. */
    record Trial(int number, int tasks, int edits, int starts, int iterations, long failedCalls, Duration killAfter,
                 Duration restart, Duration firstRead, Duration eventsVisible, List<DurabilityCheck.Loss> losses) {

        String row() {
            return "| %d | %d | %d | %d | %d | %d | %.1f s | %.1f s | %d ms | %.1f s | %d |".formatted(number, tasks,
                    edits, starts, iterations, failedCalls, killAfter.toMillis() / 1000.0,
                    restart.toMillis() / 1000.0, firstRead.toMillis(), eventsVisible.toMillis() / 1000.0,
                    losses.size());
        }
    }

    @Test
    void everyAcknowledgedWriteSurvivesKillNine() throws Exception {
        List<Trial> done = new ArrayList<>();
        for (int i = 1; i <= trials; i++) {
            Trial trial = trial(i);
            done.add(trial);
            System.out.println(table(done.subList(done.size() - 1, done.size())));
            assertThat(trial.losses()).as("acknowledged writes lost in trial " + i).isEmpty();
        }
        System.out.println(table(done));
    }

    private Trial trial(int number) throws Exception {
        Path dataDir = Files.createTempDirectory("xstore-kill9-");
        ServerProcess server = ServerProcess.on(dataDir);
        boolean passed = false;
        try {
            server.start().awaitReady(START_TIMEOUT);
            HarnessApi api = server.api();
            WriteLoad load = WriteLoad.start(api, THREADS, WriteLoad.Mix.ALL);
            long loadMillis = (long) (loadSeconds * 1000);
            long killAfter = ThreadLocalRandom.current().nextLong(loadMillis * 4 / 10, loadMillis * 7 / 10 + 1);
            Thread.sleep(killAfter);
            server.killHard();
            // the threads keep calling the dead server for a while: those calls are never acknowledged
            Thread.sleep(Math.max(500, loadMillis - killAfter));
            List<TaskLedger> tasks = load.stop();
            System.out.println("trial " + number + " calls by outcome: " + load.counts());

            server.start();
            Duration restart = server.awaitReady(START_TIMEOUT);
            Duration firstRead = firstRead(api, tasks);
            DurabilityCheck.Result result = new DurabilityCheck(api).check(tasks, EVENTS_PATIENCE);
            result.losses().forEach(loss -> System.out.println("LOST " + loss));
            passed = result.losses().isEmpty();
            return new Trial(number, tasks.size(),
                    (int) tasks.stream().filter(t -> t.lastAckedComment() != null).count(),
                    (int) tasks.stream().filter(TaskLedger::isStartAcked).count(),
                    tasks.stream().mapToInt(t -> t.ackedIters().size()).sum(), failed(load.counts()),
                    Duration.ofMillis(killAfter), restart, firstRead, result.eventsVisibleAfter(), result.losses());
        } finally {
            server.stop();
            if (passed) {
                TestDirs.delete(dataDir);
            } else {
                System.out.println("data dir kept for investigation: " + dataDir);
            }
        }
    }

    /** Time from readiness to the first answered tasks.get_by_id of an acknowledged task. */
    private static Duration firstRead(HarnessApi api, List<TaskLedger> tasks) throws InterruptedException {
        long begin = System.nanoTime();
        String id = tasks.get(tasks.size() - 1).id();
        while (true) {
            try {
                if (api.call("tasks.get_by_id", Map.of("task", id)).ok()) {
                    return Duration.ofNanos(System.nanoTime() - begin);
                }
            } catch (IOException staleConnection) {
                // a pooled connection to the killed server
            }
            if (System.nanoTime() - begin > Duration.ofSeconds(30).toNanos()) {
                return Duration.ofNanos(System.nanoTime() - begin);
            }
            Thread.sleep(10);
        }
    }

    private static long failed(Map<String, Long> counts) {
        return counts.entrySet().stream().filter(e -> !e.getKey().endsWith(" 200"))
                .mapToLong(Map.Entry::getValue).sum();
    }

    private static String table(List<Trial> trials) {
        StringBuilder table = new StringBuilder("\n| trial | tasks | edits | started | scalar iters | failed calls "
                + "| kill after | restart to ready | first get_by_id | events visible | lost |\n"
                + "|---|---|---|---|---|---|---|---|---|---|---|\n");
        trials.forEach(t -> table.append(t.row()).append('\n'));
        return table.toString();
    }
}
