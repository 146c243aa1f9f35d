package io.xstore.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs an operation a given number of times from one or more threads, timing each call. Threads take the next call
 * index from a shared counter, so the calls are spread evenly; a phase stops early at the time limit. Any failed
 * call aborts the run: a benchmark of failing calls measures nothing.
 */
final class LoadRunner {

    /** One call; {@code index} runs from 0 to count-1 over all threads. */
    @FunctionalInterface
    interface Operation {
        void run(int index) throws Exception;
    }

    private final Duration limit;

    LoadRunner(Duration limit) {
        this.limit = limit;
    }

    /** Runs {@code op} without recording, to let the JIT compile the path and fill pools and caches. */
    void warmUp(int count, int threads, Operation op) {
        measure("warm-up", "", count, threads, 1, op);
    }

    Measurement measure(String name, String unit, int count, int threads, int unitsPerOp, Operation op) {
        AtomicInteger next = new AtomicInteger();
        long deadline = System.nanoTime() + limit.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<long[]>> workers = new ArrayList<>();
            long start = System.nanoTime();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> loop(op, count, next, deadline)));
            }
            List<long[]> perThread = new ArrayList<>();
            for (Future<long[]> worker : workers) {
                perThread.add(worker.get());
            }
            long elapsed = System.nanoTime() - start;
            long[] latencies = perThread.stream().flatMapToLong(java.util.Arrays::stream).toArray();
            return new Measurement(name, unit, threads, latencies.length, unitsPerOp, elapsed,
                    Measurement.sorted(latencies), latencies.length < count);
        } catch (ExecutionException e) {
            throw new IllegalStateException(name + " failed: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(name + " interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static long[] loop(Operation op, int count, AtomicInteger next, long deadline) throws Exception {
        long[] latencies = new long[count];
        int done = 0;
        int index;
        while (System.nanoTime() < deadline && (index = next.getAndIncrement()) < count) {
            long t0 = System.nanoTime();
            op.run(index);
            latencies[done++] = System.nanoTime() - t0;
        }
        return java.util.Arrays.copyOf(latencies, done);
    }
}
