package io.xstore.projection.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** Runs the writes of one flush side by side and returns once all of them ended; the first failure is rethrown. */
final class ParallelWrites {

    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final ExecutorService WRITERS = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "read-model-writer-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    private ParallelWrites() {
    }

    static void run(List<Runnable> writes) {
        List<CompletableFuture<Void>> running = new ArrayList<>(writes.size());
        // the caller writes the first itself
        for (int i = 1; i < writes.size(); i++) {
            running.add(CompletableFuture.runAsync(writes.get(i), WRITERS));
        }
        RuntimeException failure = null;
        try {
            writes.get(0).run();
        } catch (RuntimeException e) {
            failure = e;
        }
        for (CompletableFuture<Void> write : running) {
            try {
                write.join();
            } catch (CompletionException e) {
                if (failure == null) {
                    failure = e.getCause() instanceof RuntimeException cause ? cause : e;
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
