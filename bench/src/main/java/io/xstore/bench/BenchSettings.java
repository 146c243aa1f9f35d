package io.xstore.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Sizes of one run, each overridable with a system property {@code -Dbench.<name>=<value>}. The defaults keep a run
 * of the {@code api} section (server start included) within about three minutes on a 2-core machine; every measurement
 * also stops after {@code bench.maxSeconds} and reports what it completed by then. The {@code write-path} section
 * first seeds {@code bench.manyTasks} tasks (not time-limited; a few minutes at the default 100,000). Before its replay
 * it appends SDK-like task histories to the event store ({@code historySessions} at a time, interleaved), at least
 * half of {@code replayEvents} and enough to bring the store to {@code replayEvents}; {@code snapshotEvents} is the
 * length of the history of the task whose load is timed with and without a snapshot. The {@code replay} section
 * seeds {@code replayTasks} tasks through the API, then appends histories up to {@code replayEvents}.
 */
record BenchSettings(
        int warmup,
        int steadyWarmup,
        int creates,
        int parallelCreates,
        int threads,
        int edits,
        int readTasks,
        int getById,
        int getAll,
        int batches,
        int batchSize,
        int rawInserts,
        int rawFinds,
        int rawBatches,
        int maxSeconds,
        int writeThreads,
        int commands,
        int parallelCommands,
        int manyTasks,
        int seedThreads,
        int getAllEx,
        int rawBulkSize,
        int replayEvents,
        int replayTasks,
        int historySessions,
        int snapshotEvents,
        Path dataDir,
        boolean keepData,
        Path resultFile) {

    static BenchSettings fromSystemProperties() {
        return new BenchSettings(
                intProperty("warmup", 150),
                intProperty("steadyWarmup", 20_000),
                intProperty("creates", 400),
                intProperty("parallelCreates", 800),
                intProperty("threads", 4),
                intProperty("edits", 300),
                intProperty("readTasks", 1000),
                intProperty("getById", 20_000),
                intProperty("getAll", 300),
                intProperty("batches", 150),
                intProperty("batchSize", 100),
                intProperty("rawInserts", 2000),
                intProperty("rawFinds", 5000),
                intProperty("rawBatches", 300),
                intProperty("maxSeconds", 20),
                intProperty("writeThreads", 8),
                intProperty("commands", 500),
                intProperty("parallelCommands", 10_000),
                intProperty("manyTasks", 100_000),
                intProperty("seedThreads", 8),
                intProperty("getAllEx", 200),
                intProperty("rawBulkSize", 1000),
                intProperty("replayEvents", 100_000),
                intProperty("replayTasks", 20_000),
                intProperty("historySessions", 50),
                intProperty("snapshotEvents", 10_000),
                pathProperty("dataDir"),
                Boolean.getBoolean("bench.keepData"),
                defaultResultFile());
    }

    /** Warm-up rounds for batch operations, which each do {@code batchSize} times the work of a single call. */
    int batchWarmup() {
        return Math.max(10, warmup / 10);
    }

    private static int intProperty(String name, int defaultValue) {
        String value = System.getProperty("bench." + name);
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        int parsed = Integer.parseInt(value.trim());
        if (parsed < 1) {
            throw new IllegalArgumentException("bench." + name + " must be at least 1, was " + parsed);
        }
        return parsed;
    }

    private static Path pathProperty(String name) {
        String value = System.getProperty("bench." + name);
        return value == null || value.isBlank() ? null : Path.of(value).toAbsolutePath();
    }

    /**
     * {@code bench.out}, else {@code bench-results.md} next to the jar when run with {@code java -jar}, else in
     * {@code bench/target} (run from the repository root) or {@code target} (run from the module).
     */
    private static Path defaultResultFile() {
        Path explicit = pathProperty("out");
        if (explicit != null) {
            return explicit;
        }
        String classPath = System.getProperty("java.class.path", "");
        if (classPath.endsWith(".jar") && !classPath.contains(java.io.File.pathSeparator)) {
            Path jarDir = Path.of(classPath).toAbsolutePath().getParent();
            if (jarDir != null) {
                return jarDir.resolve("bench-results.md");
            }
        }
        Path moduleTarget = Path.of("bench", "target");
        return (Files.isDirectory(moduleTarget) ? moduleTarget : Path.of("target"))
                .resolve("bench-results.md").toAbsolutePath();
    }
}
