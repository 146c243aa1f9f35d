package io.xstore.projection.replay;

import io.xstore.projection.processing.EventFeed;
import io.xstore.projection.processing.ProjectorProgress;
import io.xstore.projection.processing.StreamingProjector;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * Brings the read models up to the head of the event store and reports progress (rate, ETA) while it does: after a
 * restart only the tail their stored position has not reached, or, on request, everything, by emptying them and
 * replaying the whole store. Far behind the head the projectors work as a batch job (see {@link StreamingProjector}).
 */
@Component
public class ReadModelRebuilder {

    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(3);

    private final ProjectorProgress progress;
    private final EventFeed feed;

    public ReadModelRebuilder(ProjectorProgress progress, EventFeed feed) {
        this.progress = progress;
        this.feed = feed;
    }

    /** Empties every read model and replays the whole store; returns the number of events replayed. */
    public long rebuildAll(Duration timeout, Consumer<String> report) {
        List<StreamingProjector> projectors = progress.readModelProjectors();
        long writesBefore = writes(projectors);
        projectors.forEach(StreamingProjector::resetAndReplay);
        return catchUp(timeout, report, "replay", writesBefore);
    }

    /** Waits until the read models have applied the head of the store as it is now; returns the events applied. */
    public long catchUp(Duration timeout, Consumer<String> report, String what) {
        return catchUp(timeout, report, what, writes(progress.readModelProjectors()));
    }

    private long catchUp(Duration timeout, Consumer<String> report, String what, long writesBefore) {
        List<StreamingProjector> projectors = progress.readModelProjectors();
        long target = feed.head();
        long from = slowest(projectors);
        if (from >= target) {
            report.accept(String.format(Locale.ROOT, "read models: %s found them at the head (position %d)", what,
                    target));
            return 0;
        }
        long total = target - from;
        report.accept(String.format(Locale.ROOT, "read models: %s of %d events (positions %d to %d)", what, total,
                from + 1, target));
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        long lastReport = started;
        long at;
        while ((at = slowest(projectors)) < target) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the read models did not reach position " + target + " within "
                        + timeout + " (at " + at + ")");
            }
            if (System.nanoTime() - lastReport > PROGRESS_EVERY.toNanos()) {
                double seconds = seconds(started);
                double rate = (at - from) / seconds;
                long eta = rate > 0 ? Math.round((target - at) / rate) : -1;
                report.accept(String.format(Locale.ROOT, "read models: %s at %d of %d (%.0f events/s, ETA %d s)%s",
                        what, at - from, total, rate, eta, inError(projectors)));
                lastReport = System.nanoTime();
            }
            LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
        }
        double seconds = seconds(started);
        long written = writes(projectors) - writesBefore;
        String summary = String.format(Locale.ROOT, "read models: %s of %d events done in %.1f s (%.0f events/s, "
                + "%d document writes, %.2f per event)", what, total, seconds, total / seconds, written,
                (double) written / total);
        report.accept(summary);
        return total;
    }

    private static long slowest(List<StreamingProjector> projectors) {
        return projectors.stream().mapToLong(StreamingProjector::position).min().orElse(Long.MAX_VALUE);
    }

    private static long writes(List<StreamingProjector> projectors) {
        return projectors.stream().mapToLong(StreamingProjector::documentWrites).sum();
    }

    private static String inError(List<StreamingProjector> projectors) {
        return projectors.stream().anyMatch(StreamingProjector::isError)
                ? "; a projection is failing and retrying, see its log" : "";
    }

    private static double seconds(long startNanos) {
        return Math.max((System.nanoTime() - startNanos) / 1e9, 1e-3);
    }
}
