package io.xstore.projection.processing;

import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;

/**
 * Where every projector stands, for read-your-writes: a caller waits until all projectors have applied a position,
 * woken by the projectors as they commit batches rather than by polling.
 */
@Component
public class ProjectorProgress {

    private final List<StreamingProjector> projectors = new CopyOnWriteArrayList<>();
    private final Set<Waiter> waiters = ConcurrentHashMap.newKeySet();

    void register(StreamingProjector projector) {
        projectors.add(projector);
    }

    public List<StreamingProjector> projectors() {
        return List.copyOf(projectors);
    }

    /** The projectors that build read models (replayed by a rebuild), as opposed to those acting on the world. */
    public List<StreamingProjector> readModelProjectors() {
        return projectors.stream().filter(StreamingProjector::replayable).toList();
    }

    /** Wakes the callers whose position every projector has now applied. */
    void advanced() {
        long slowest = slowest();
        for (Waiter waiter : waiters) {
            if (waiter.position <= slowest) {
                LockSupport.unpark(waiter.thread);
            }
        }
    }

    /** The lowest position the running projectors have applied; Long.MAX_VALUE when none runs. */
    public long slowest() {
        long slowest = Long.MAX_VALUE;
        for (StreamingProjector projector : projectors) {
            if (projector.isRunning()) {
                slowest = Math.min(slowest, projector.position());
            }
        }
        return slowest;
    }

    /** Waits until every running projector has applied {@code position}; false when the timeout came first. */
    public boolean await(long position, Duration timeout) {
        if (position < 0 || slowest() >= position) {
            return true;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        Waiter waiter = new Waiter(Thread.currentThread(), position);
        waiters.add(waiter);
        try {
            while (slowest() < position) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || Thread.currentThread().isInterrupted()) {
                    return false;
                }
                LockSupport.parkNanos(this, left);
            }
            return true;
        } finally {
            waiters.remove(waiter);
        }
    }

    private record Waiter(Thread thread, long position) {
    }
}
