package io.xstore.harness;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A restored server killed (kill -9) while it writes the restored metric event log into its topic, then started
 * again: the second start loads only what the first did not, so every scalar and every log line of the backup is
 * answered by events.* exactly once (a log line written twice would be listed twice: log events are not
 * overwritten by a later copy, as scalars of the same iteration are).
 */
class RestoredMetricLogCrashIT {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final int TASKS = 3;
    private static final int BATCHES = 120;
    private static final Pattern PROGRESS = Pattern.compile("restore: metric event log into \\S+: (\\d+) records");
    private static final Pattern SUMMARY = Pattern.compile("(\\d+) written, (\\d+) already in the topic");

    @Test
    void aLoadInterruptedByKillNineAndRestartedLeavesEveryRecordOnce() throws Exception {
        Path root = Files.createTempDirectory("xstore-restore-crash-it-");
        Path source = root.resolve("source");
        Path backup = root.resolve("backup");
        Path restored = root.resolve("restored");
        ServerProcess original = ServerProcess.on(source);
        ServerProcess copy = null;
        boolean passed = false;
        try {
            original.start().awaitReady(START_TIMEOUT);
            HarnessApi api = original.api();
            List<String> tasks = new ArrayList<>();
            for (int t = 0; t < TASKS; t++) {
                tasks.add(api.data("tasks.create", Map.of("name", "restore crash " + t, "type", "training"))
                        .get("id").asText());
            }
            for (int batch = 0; batch < BATCHES; batch++) {
                for (String task : tasks) { // one add_batch per task: one record of the metric log each
                    JsonNode added = api.callJsonLines("events.add_batch", events(task, batch)).data();
                    assertThat(added.path("added").asInt()).isEqualTo(2);
                }
            }
            OpsRun.ok("backup", "--data-dir=" + source, "--to=" + backup);
            original.stop();
            OpsRun.ok("restore", "--from=" + backup, "--data-dir=" + restored);

            ServerProcess.Config first = original.config();
            ServerProcess.Config config = new ServerProcess.Config(restored, ServerProcess.Ports.free(),
                    first.secretKey(), first.classpath(), first.heap(), first.properties());
            copy = new ServerProcess(config.withProperty("xstore.restore.metric-log-rate", "30"));
            copy.start();
            long loadedBeforeKill = awaitLoadProgress(copy, Duration.ofSeconds(90));
            copy.killHard();
            assertThat(Files.readString(copy.logFile())).doesNotContain("already in the topic");

            copy = new ServerProcess(config);
            copy.start().awaitReady(START_TIMEOUT);
            Matcher summary = SUMMARY.matcher(Files.readString(copy.logFile()));
            assertThat(summary.find()).as("the second start resumes the load").isTrue();
            System.out.println("killed after " + loadedBeforeKill + " records loaded; second start: "
                    + summary.group());
            assertThat(Long.parseLong(summary.group(2))).as("records the first start had written").isPositive();
            assertThat(Long.parseLong(summary.group(1)) + Long.parseLong(summary.group(2)))
                    .isEqualTo((long) TASKS * BATCHES);

            for (String task : tasks) {
                assertEveryIterationAndLogLineOnce(copy.api(), task);
            }
            passed = true;
        } finally {
            original.stop();
            if (copy != null) {
                copy.stop();
            }
            if (passed) {
                TestDirs.delete(root);
            } else {
                System.out.println("kept for investigation: " + root);
            }
        }
    }

    private static String events(String task, int iter) {
        long now = System.currentTimeMillis();
        return "{\"task\":\"" + task + "\",\"type\":\"training_stats_scalar\",\"metric\":\"loss\",\"variant\":"
                + "\"train\",\"iter\":" + iter + ",\"value\":" + iter * 0.5 + ",\"timestamp\":" + now + "}\n"
                + "{\"task\":\"" + task + "\",\"type\":\"log\",\"level\":\"info\",\"msg\":\"line " + iter
                + "\",\"iter\":" + iter + ",\"timestamp\":" + now + "}\n";
    }

    /** Waits until the first start's progress line reports some records loaded; answers how many. */
    private static long awaitLoadProgress(ServerProcess server, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Matcher progress = PROGRESS.matcher(Files.exists(server.logFile()) ? Files.readString(server.logFile())
                    : "");
            long loaded = 0;
            while (progress.find()) {
                loaded = Long.parseLong(progress.group(1));
            }
            if (loaded >= 40) { // well into the load (paced at 30 records/s), well before its end
                assertThat(loaded).as("the load is still running").isLessThan((long) TASKS * BATCHES);
                return loaded;
            }
            assertThat(server.isAlive()).as(server.logTail(40)).isTrue();
            Thread.sleep(200);
        }
        throw new AssertionError("no load progress within " + timeout + ":\n" + server.logTail(40));
    }

    private static void assertEveryIterationAndLogLineOnce(HarnessApi api, String task) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        Map<String, Object> logRequest = new LinkedHashMap<>(Map.of("task", task, "batch_size", 10000));
        while (true) {
            JsonNode x = api.data("events.scalar_metrics_iter_histogram", Map.of("task", task))
                    .path("loss").path("train").path("x");
            JsonNode log = api.data("events.get_task_log", logRequest).path("events");
            if ((x.size() >= BATCHES && log.size() >= BATCHES) || System.nanoTime() > deadline) {
                assertThat(x).as("scalar iterations of " + task).hasSize(BATCHES);
                Set<String> lines = new HashSet<>();
                log.forEach(event -> lines.add(event.path("msg").asText()));
                assertThat(log).as("log lines of " + task + " (a duplicate is listed twice)").hasSize(BATCHES);
                assertThat(lines).hasSize(BATCHES);
                return;
            }
            Thread.sleep(500);
        }
    }
}
