package io.xstore.projection.processing;

import io.xstore.projection.store.ReadModelStore;
import org.axonframework.eventhandling.TrackedEventMessage;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How a projector applies a page of a catch-up (a replay, a start far behind the head), the batch job of
 * {@link StreamingProjector}: the processing groups it serves are spread over lanes, each lane folds the whole page
 * into a read-model batch of its own on its own thread, and the lanes' batches are written side by side once every
 * lane folded the page; if any event fails nothing of the page is written. Each projection writes collections of its
 * own, so two lanes never hold the same document. The groups are given to the lanes page by page, the busiest first,
 * each to the lane with the fewest events so far.
 * <p>
 * An event goes straight to the groups that handle its payload type (looked up once per type), without a unit of work
 * and interceptors per event as in the live path: the projections send no messages, so the unit of work and its
 * correlation data did nothing there, and with the per-event handler lookups cost a third of a replay's fold.
 */
final class ReplayLanes implements AutoCloseable {

    private final HandlerGroups groups;
    private final int lanes;
    private final ExecutorService helpers;
    private final AtomicLong written;

    /**
     * {@code lanes} at most (one runs on the caller's thread, the others on threads of their own); the documents
     * written are added to {@code written}.
     */
    ReplayLanes(String projector, HandlerGroups groups, int lanes, AtomicLong written) {
        this.written = written;
        this.groups = groups;
        this.lanes = Math.max(1, Math.min(lanes, groups.size()));
        this.helpers = this.lanes == 1 ? null : Executors.newFixedThreadPool(this.lanes - 1, task -> {
            Thread thread = new Thread(task, "projector-" + projector + "-lane");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Folds the events into one batch per lane, then writes the batches; returns whether any handler took an event.
     * Throws (having written nothing) when a handler failed; a failing write may leave the other lanes' writes done,
     * as a crash between two writes would, which applying the page again repairs.
     */
    boolean apply(List<TrackedEventMessage<?>> events, ReadModelStore store, Collection<String> aggregateIds)
            throws Exception {
        int[][] eventGroups = new int[events.size()][];
        long[] load = new long[groups.size()];
        boolean handled = false;
        for (int i = 0; i < eventGroups.length; i++) {
            eventGroups[i] = groups.of(events.get(i).getPayloadType());
            for (int group : eventGroups[i]) {
                load[group]++;
                handled = true;
            }
        }
        int[] laneOfGroup = assign(load);
        int used = 1;
        for (int lane : laneOfGroup) {
            used = Math.max(used, lane + 1);
        }
        List<ReadModelStore.Batch> batches = new ArrayList<>(used);
        try {
            for (int lane = 0; lane < used; lane++) {
                ReadModelStore.Batch batch = store.openUnbound();
                batch.expect(aggregateIds);
                batches.add(batch);
            }
            List<Runnable> folds = new ArrayList<>(used);
            for (int lane = 0; lane < used; lane++) {
                int own = lane;
                ReadModelStore.Batch batch = batches.get(lane);
                folds.add(() -> fold(events, eventGroups, laneOfGroup, own, batch));
            }
            sideBySide(folds);
            List<Runnable> flushes = new ArrayList<>(used);
            batches.forEach(batch -> flushes.add(() -> written.addAndGet(batch.flush())));
            sideBySide(flushes);
        } finally {
            batches.forEach(ReadModelStore.Batch::close);
        }
        return handled;
    }

    private void fold(List<TrackedEventMessage<?>> events, int[][] eventGroups, int[] laneOfGroup, int lane,
                      ReadModelStore.Batch batch) {
        batch.bind();
        try {
            for (int i = 0; i < eventGroups.length; i++) {
                for (int group : eventGroups[i]) {
                    if (laneOfGroup[group] == lane) {
                        groups.handle(group, events.get(i));
                    }
                }
            }
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new LaneFailure(e);
        } finally {
            batch.unbind();
        }
    }

    /** Busiest group first, each to the lane with the least load so far; groups without events get lane 0. */
    private int[] assign(long[] load) {
        int[] laneOf = new int[load.length];
        long[] laneLoad = new long[lanes];
        List<Integer> order = new ArrayList<>();
        for (int group = 0; group < load.length; group++) {
            if (load[group] > 0) {
                order.add(group);
            }
        }
        order.sort((a, b) -> Long.compare(load[b], load[a]));
        for (int group : order) {
            int lightest = 0;
            for (int lane = 1; lane < lanes; lane++) {
                if (laneLoad[lane] < laneLoad[lightest]) {
                    lightest = lane;
                }
            }
            laneOf[group] = lightest;
            laneLoad[lightest] += load[group];
        }
        return laneOf;
    }

    /** Runs the first on this thread, the others on the helpers; rethrows the first failure once all ended. */
    private void sideBySide(List<Runnable> work) throws Exception {
        List<CompletableFuture<Void>> running = new ArrayList<>(work.size());
        for (int i = 1; i < work.size(); i++) {
            running.add(CompletableFuture.runAsync(work.get(i), helpers));
        }
        Throwable failure = null;
        try {
            work.get(0).run();
        } catch (RuntimeException e) {
            failure = e;
        }
        for (CompletableFuture<Void> other : running) {
            try {
                other.join();
            } catch (CompletionException e) {
                if (failure == null) {
                    failure = e.getCause();
                }
            }
        }
        if (failure instanceof LaneFailure lane) {
            throw lane.getCause() instanceof Exception e ? e : lane;
        }
        if (failure instanceof Exception e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
    }

    @Override
    public void close() {
        if (helpers != null) {
            helpers.shutdownNow();
        }
    }

    /** A handler's checked exception, carried out of a lane. */
    private static final class LaneFailure extends RuntimeException {
        LaneFailure(Exception cause) {
            super(cause);
        }
    }
}
