package io.xstore.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time of this process's threads by kind (the JIT compilers, the garbage collector, the rest), read from
 * {@code /proc/self/task} on Linux; empty elsewhere. Tells a replay's own work from the compiling and collecting it
 * causes, which the process total mixes.
 */
final class ThreadCpu {

    static final String JIT = "jit";
    static final String GC = "gc";
    static final String OTHER = "other";
    private static final long TICK_NANOS = 10_000_000L; // USER_HZ is 100 on Linux

    private ThreadCpu() {
    }

    /** Nanoseconds of CPU so far per kind (threads that ended are not counted). */
    static Map<String, Long> byKind() {
        Map<String, Long> out = new LinkedHashMap<>();
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return out;
        }
        try (Stream<Path> threads = Files.list(tasks)) {
            threads.forEach(thread -> {
                try {
                    String name = Files.readString(thread.resolve("comm")).trim();
                    String stat = Files.readString(thread.resolve("stat"));
                    // the fields after the name, which is in parentheses and may hold spaces
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    out.merge(kind(name), ticks * TICK_NANOS, Long::sum);
                } catch (IOException | RuntimeException ended) {
                    // the thread ended meanwhile
                }
            });
        } catch (IOException e) {
            return Map.of();
        }
        return out;
    }

    private static String kind(String name) {
        if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
            return JIT;
        }
        if (name.startsWith("GC Thread") || name.startsWith("G1 ") || name.equals("VM Thread")) {
            return GC;
        }
        return OTHER;
    }
}
