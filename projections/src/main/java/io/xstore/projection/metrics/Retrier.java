package io.xstore.projection.metrics;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Repeats a failing call to the event index with growing pauses until it succeeds, logging one line per failed
 * attempt: indexing must neither skip data nor kill the stream thread while Elasticsearch is unreachable. The wait
 * ends early, with {@link IndexerStoppedException}, when the indexer stops (a first attempt is still made, so a
 * clean shutdown writes out what it holds).
 */
final class Retrier {

    private static final Logger log = LoggerFactory.getLogger(Retrier.class);

    private final Duration firstPause;
    private final Duration maxPause;
    private final CountDownLatch stopped = new CountDownLatch(1);

    Retrier(Duration firstPause, Duration maxPause) {
        this.firstPause = firstPause;
        this.maxPause = maxPause;
    }

    /** Ends every current and future wait. */
    void stop() {
        stopped.countDown();
    }

    boolean isStopped() {
        return stopped.getCount() == 0;
    }

    <T> T call(String what, Supplier<T> action) {
        for (int attempt = 1; ; attempt++) {
            if (attempt > 1 && isStopped()) {
                throw new IndexerStoppedException(what + ": indexer stopped");
            }
            try {
                T result = action.get();
                if (attempt > 1) {
                    log.info("{}: succeeded after {} attempts", what, attempt);
                }
                return result;
            } catch (IndexerStoppedException e) {
                throw e;
            } catch (RuntimeException e) {
                pause(what, attempt, describe(e));
            }
        }
    }

    void run(String what, Runnable action) {
        call(what, () -> {
            action.run();
            return null;
        });
    }

    /** Logs the failed attempt and waits before the next one. */
    void pause(String what, int attempt, String problem) {
        long pauseMs = Math.min(maxPause.toMillis(), firstPause.toMillis() << Math.min(attempt - 1, 20));
        log.warn("{} failed (attempt {}), retrying in {} ms: {}", what, attempt, pauseMs, problem);
        try {
            if (stopped.await(pauseMs, TimeUnit.MILLISECONDS)) {
                throw new IndexerStoppedException(what + ": indexer stopped while retrying");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IndexerStoppedException(what + ": interrupted while retrying");
        }
    }

    static String describe(Throwable e) {
        String message = e.getMessage() == null ? "" : e.getMessage().strip();
        int newline = message.indexOf('\n');
        if (newline >= 0) {
            message = message.substring(0, newline);
        }
        if (message.length() > 300) {
            message = message.substring(0, 300) + "...";
        }
        return e.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
    }
}
