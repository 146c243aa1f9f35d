package io.xstore.projection.metrics;

import java.time.Duration;

/**
 * How far a rebuild's replay of the metric event log is: {@code processed} of {@code total} log offsets (records
 * plus a few transaction markers) up to the end the log had when the rebuild began.
 */
public record RebuildProgress(long processed, long total, Duration elapsed, boolean caughtUp) {

    @Override
    public String toString() {
        long percent = total == 0 ? 100 : processed * 100 / total;
        return String.format("metric index rebuild %s: %d of %d log records (%d%%) in %.1f s",
                caughtUp ? "done" : "running", processed, total, percent, elapsed.toMillis() / 1000.0);
    }
}
