package io.xstore.projection.metrics;

import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides what follows a failed stream thread: a replacement, after a pause that grows while failures repeat, so a
 * persistent problem neither kills indexing for good nor spins; full stack traces only for the first few.
 */
final class ThreadFailures {

    private static final Logger log = LoggerFactory.getLogger(ThreadFailures.class);
    private static final long QUIET_PERIOD_MS = 60_000;
    private static final long MAX_PAUSE_MS = 30_000;

    private int recent;
    private long lastFailureMs;

    synchronized StreamThreadExceptionResponse replaceAfterPause(Throwable failure) {
        long now = System.currentTimeMillis();
        recent = now - lastFailureMs > QUIET_PERIOD_MS ? 1 : recent + 1;
        lastFailureMs = now;
        long pauseMs = Math.min(MAX_PAUSE_MS, 100L << Math.min(recent - 1, 20));
        if (recent <= 3) {
            log.error("metric indexer stream thread failed, replacing it in {} ms", pauseMs, failure);
        } else {
            log.error("metric indexer stream thread failed again ({} in a row), replacing it in {} ms: {}", recent,
                    pauseMs, Retrier.describe(failure));
        }
        try {
            Thread.sleep(pauseMs);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return StreamThreadExceptionResponse.REPLACE_THREAD;
    }
}
