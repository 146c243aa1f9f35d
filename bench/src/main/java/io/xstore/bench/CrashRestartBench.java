package io.xstore.bench;

import io.xstore.harness.HarnessApi;
import io.xstore.harness.ServerProcess;
import io.xstore.harness.TaskLedger;
import io.xstore.harness.WriteLoad;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Restart time after a crash: a child server (its own JVM) is seeded through the API with about
 * {@code targetEvents} domain events (tasks.create and tasks.edit from many threads, one event each), killed with
 * SIGKILL while that load still runs, and started again on the same data directory. Measures the time to
 * readiness and to the first answered tasks.get_by_id. Run alone:
 * {@code java -cp xstore-bench.jar -Dloader.main=io.xstore.bench.CrashRestartBench
 * org.springframework.boot.loader.launch.PropertiesLauncher [workDir] [targetEvents] [threads]}
 * ({@code -Dbench.portBase=P} puts every port of the child server in P to P+6).
 */
public final class CrashRestartBench {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(10);
    /** Seeding stops here even below the target; the table says how far it got. */
    private static final Duration MAX_SEEDING = Duration.ofSeconds(Long.getLong("bench.crash.maxSeedSeconds", 600));
    private static final Pattern EVENT_LOG_LINE = Pattern.compile("event log .*: (\\d+) events of (\\d+) aggregates");

    private CrashRestartBench() {
    }

    public static void main(String[] args) throws Exception {
        Path workDir = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("xstore-crash-bench-");
        int targetEvents = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        System.out.println(run(workDir, targetEvents, threads, System.getProperty("java.class.path")));
    }

    /** Seeds, kills, restarts; returns the figures as a Markdown table. {@code workDir} becomes the data dir. */
    public static String run(Path workDir, int targetEvents, int threads, String classpath) throws Exception {
        ServerProcess.Config config = ServerProcess.Config.of(workDir);
        Map<String, String> properties = new LinkedHashMap<>(Map.of("logging.level.io.xstore", "INFO"));
        ServerProcess.Ports ports = config.ports();
        // -Dbench.portBase=P: the server on P to P+2, its embedded services on P+3 to P+6 (a range of one's own on a
        // shared machine); free ports otherwise
        Integer portBase = Integer.getInteger("bench.portBase");
        if (portBase != null) {
            ports = new ServerProcess.Ports(portBase, portBase + 1, portBase + 2);
            properties.put("xstore.mongo.embedded-port", String.valueOf(portBase + 3));
            properties.put("xstore.elastic.embedded-port", String.valueOf(portBase + 4));
            properties.put("xstore.kafka.embedded-port", String.valueOf(portBase + 5));
            properties.put("xstore.kafka.embedded-controller-port", String.valueOf(portBase + 6));
        }
        config = new ServerProcess.Config(workDir, ports, config.secretKey(), classpath, config.heap(),
                Map.copyOf(properties));
        ServerProcess server = new ServerProcess(config);
        try {
            Duration coldStart = server.start().awaitReady(START_TIMEOUT);
            HarnessApi api = server.api();
            long seedBegin = System.nanoTime();
            WriteLoad load = WriteLoad.start(api, threads, WriteLoad.Mix.TASKS_ONLY);
            long seedDeadline = seedBegin + MAX_SEEDING.toNanos();
            while (acknowledged(load) < targetEvents && server.isAlive() && System.nanoTime() < seedDeadline) {
                Thread.sleep(200);
            }
            double seedSeconds = (System.nanoTime() - seedBegin) / 1e9;
            long seeded = acknowledged(load);
            server.killHard(); // the load threads are still writing
            List<TaskLedger> tasks = load.stop();

            server.start();
            Duration restart = server.awaitReady(START_TIMEOUT);
            Duration firstRead = restart.plus(firstRead(api, tasks.get(tasks.size() - 1).id()));
            String eventLog = eventLogLine(server.logFile());
            return table(targetEvents, threads, coldStart, seeded, seedSeconds, tasks.size(), eventLog, restart,
                    firstRead);
        } finally {
            server.stop();
        }
    }

    private static long acknowledged(WriteLoad load) {
        return load.count("tasks.create 200") + load.count("tasks.edit 200");
    }

    /** Time from readiness to the first tasks.get_by_id answered 200. */
    private static Duration firstRead(HarnessApi api, String task) throws InterruptedException {
        long begin = System.nanoTime();
        while (System.nanoTime() - begin < Duration.ofMinutes(2).toNanos()) {
            try {
                if (api.call("tasks.get_by_id", Map.of("task", task)).ok()) {
                    break;
                }
            } catch (IOException staleConnection) {
                // a pooled connection to the killed server
            }
            Thread.sleep(5);
        }
        return Duration.ofNanos(System.nanoTime() - begin);
    }

    /** What the restarted server found in its event store, as it logs it while opening the store. */
    private static String eventLogLine(Path log) throws IOException {
        Matcher m = EVENT_LOG_LINE.matcher(Files.readString(log, StandardCharsets.UTF_8));
        return m.find() ? m.group(1) + " events of " + m.group(2) + " aggregates" : "(not logged)";
    }

    private static String table(int target, int threads, Duration coldStart, long seeded, double seedSeconds,
                                int tasks, String eventLog, Duration restart, Duration firstRead) {
        return String.format(Locale.ROOT, """
                        | crash restart (%d target events, %d writer threads) | value |
                        |---|---|
                        | cold start to ready (empty data dir) | %.1f s |
                        | acknowledged writes (1 event each) when killed | %d in %.1f s (%.0f /s), %d tasks |
                        | event store found at restart | %s |
                        | restart to ready (launch of the JVM to readiness) | %.1f s |
                        | restart to first tasks.get_by_id answered | %.1f s |
                        """, target, threads, coldStart.toMillis() / 1000.0, seeded, seedSeconds,
                seeded / seedSeconds, tasks, eventLog, restart.toMillis() / 1000.0, firstRead.toMillis() / 1000.0);
    }
}
