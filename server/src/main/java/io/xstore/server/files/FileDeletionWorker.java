package io.xstore.server.files;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.xstore.fileserver.storage.DeleteOutcome;
import io.xstore.fileserver.storage.FileStorage;
import io.xstore.fileserver.storage.InvalidStoragePathException;
import io.xstore.fileserver.storage.StoragePath;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Deletes queued files from the file server's storage, in process, on one background thread: when woken by new
 * work and every poll interval. A failure is retried with doubling delays up to a number of attempts, then the
 * deletion is marked failed; a file that is already gone counts as deleted. One log line per outcome.
 */
@Component
public class FileDeletionWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(FileDeletionWorker.class);
    private static final int BATCH = 100;

    private final FileDeletionQueue queue;
    private final FileStorage storage;
    private final Duration pollInterval;
    private final Duration firstRetryDelay;
    private final Duration maxRetryDelay;
    private final int maxAttempts;
    private final Clock clock;
    private final AtomicBoolean wakeQueued = new AtomicBoolean();
    private volatile ScheduledExecutorService executor;

    @Autowired
    public FileDeletionWorker(FileDeletionQueue queue, FileStorage storage,
                              @Value("${xstore.fileserver.cleanup.poll-interval:10s}") Duration pollInterval,
                              @Value("${xstore.fileserver.cleanup.first-retry-delay:30s}") Duration firstRetryDelay,
                              @Value("${xstore.fileserver.cleanup.max-retry-delay:1h}") Duration maxRetryDelay,
                              @Value("${xstore.fileserver.cleanup.max-attempts:10}") int maxAttempts) {
        this(queue, storage, pollInterval, firstRetryDelay, maxRetryDelay, maxAttempts, Clock.systemUTC());
    }

    FileDeletionWorker(FileDeletionQueue queue, FileStorage storage, Duration pollInterval, Duration firstRetryDelay,
                       Duration maxRetryDelay, int maxAttempts, Clock clock) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("xstore.fileserver.cleanup.max-attempts must be at least 1");
        }
        this.queue = queue;
        this.storage = storage;
        this.pollInterval = pollInterval;
        this.firstRetryDelay = firstRetryDelay;
        this.maxRetryDelay = maxRetryDelay;
        this.maxAttempts = maxAttempts;
        this.clock = clock;
    }

    /** Asks for a pass soon (new work was queued); passes requested while one is pending are merged. */
    public void wake() {
        ScheduledExecutorService running = executor;
        if (running != null && wakeQueued.compareAndSet(false, true)) {
            try {
                running.execute(() -> {
                    wakeQueued.set(false);
                    runSafely();
                });
            } catch (java.util.concurrent.RejectedExecutionException e) {
                wakeQueued.set(false); // shutting down; the queue is durable and the next start picks it up
            }
        }
    }

    /** Handles every deletion that is due now; returns how many it handled. */
    int runOnce() {
        int handled = 0;
        while (true) {
            List<Document> due = queue.due(clock.instant(), BATCH);
            if (due.isEmpty()) {
                return handled;
            }
            for (Document deletion : due) {
                attempt(deletion);
                handled++;
            }
        }
    }

    private void runSafely() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            log.warn("file deletions: pass failed, retrying at the next poll", e);
        }
    }

    private void attempt(Document deletion) {
        Object id = deletion.get(FileDeletionQueue.ID);
        String url = deletion.getString(FileDeletionQueue.URL);
        String owner = deletion.getString(FileDeletionQueue.OWNER_KIND) + " "
                + deletion.getString(FileDeletionQueue.OWNER_ID);
        int attempts = deletion.getInteger(FileDeletionQueue.ATTEMPTS, 0) + 1;
        DeleteOutcome outcome;
        try {
            outcome = storage.deleteFileOrFolder(StoragePath.of(deletion.getString(FileDeletionQueue.PATH)));
        } catch (InvalidStoragePathException e) {
            fail(id, attempts, url, owner, e.reason());
            return;
        } catch (IOException | RuntimeException e) {
            String error = e.toString();
            if (attempts >= maxAttempts) {
                fail(id, attempts, url, owner, error + " (after " + attempts + " attempts)");
            } else {
                Instant next = clock.instant().plus(delayAfter(attempts));
                queue.retryLater(id, attempts, error, next);
                log.warn("file deletion retry {} at {}: {} ({}): {}", attempts, next, url, owner, error);
            }
            return;
        }
        switch (outcome) {
            case DELETED_FILE, DELETED_FOLDER, NOT_FOUND -> {
                String result = outcome == DeleteOutcome.NOT_FOUND ? "not found" : "deleted";
                queue.finish(id, DeletionStatus.DONE, attempts, result, null, clock.instant());
                log.info("file deletion done: {} ({}): {}", url, owner, result);
            }
            case NOT_FILE_OR_FOLDER -> fail(id, attempts, url, owner, "Not a file or folder");
        }
    }

    private void fail(Object id, int attempts, String url, String owner, String error) {
        queue.finish(id, DeletionStatus.FAILED, attempts, null, error, clock.instant());
        log.warn("file deletion failed: {} ({}): {}", url, owner, error);
    }

    /** first, 2 x first, 4 x first, ... capped. */
    Duration delayAfter(int attempts) {
        Duration delay = firstRetryDelay;
        for (int i = 1; i < attempts && delay.compareTo(maxRetryDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxRetryDelay) > 0 ? maxRetryDelay : delay;
    }

    @Override
    public void start() {
        ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "file-deletions");
            thread.setDaemon(true);
            return thread;
        });
        long every = Math.max(1, pollInterval.toMillis());
        started.scheduleWithFixedDelay(this::runSafely, Math.min(every, 1000), every, TimeUnit.MILLISECONDS);
        executor = started;
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = executor;
        executor = null;
        if (running != null) {
            running.shutdownNow();
            try {
                running.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }
}
