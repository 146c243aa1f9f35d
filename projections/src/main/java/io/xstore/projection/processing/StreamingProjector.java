package io.xstore.projection.processing;

import io.xstore.projection.store.ReadModelStore;
import org.axonframework.common.Registration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.lifecycle.Lifecycle;
import org.axonframework.lifecycle.Phase;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * An event processor that applies the event store to its handlers in batches, on one thread: the handlers' read-model
 * changes are folded per document and written once per batch, then the batch's position is stored, then waiting
 * callers are woken. Far behind the head (a start after a crash, a rebuild) it takes big batches, which makes catching
 * up a batch job: pages of events folded in memory, each document written once per page, the read models' processing
 * groups folded side by side ({@link ReplayLanes}).
 * <p>
 * A failing event is never skipped: the batch is retried event by event so the events before it are kept, then the
 * failing event is retried with back-off (1 s doubling to 1 min). After {@value #STALL_AFTER} failures the projector
 * reports itself stalled (readiness goes down) and keeps retrying once a minute; it resumes from that event as soon as
 * it passes.
 */
public class StreamingProjector implements EventProcessor, Lifecycle {

    static final int STALL_AFTER = 5;
    private static final Logger log = LoggerFactory.getLogger(StreamingProjector.class);
    private static final Duration IDLE_WAIT = Duration.ofMillis(500);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(1);
    private static final Duration SAVE_POSITION_EVERY = Duration.ofMillis(200);

    private final String name;
    private final EventHandlerInvoker invoker;
    private final HandlerGroups groups;
    private final EventFeed feed;
    private final ReadModelStore store;
    private final ProjectorPositions positions;
    private final ProjectorProgress progress;
    private final ProjectorSettings settings;
    private final List<MessageHandlerInterceptor<? super EventMessage<?>>> interceptors = new CopyOnWriteArrayList<>();

    private volatile long position = -1;
    private volatile ProjectorState state = ProjectorState.STOPPED;
    private volatile Thread worker;
    private volatile boolean running;
    private volatile int failedAttempts;
    private volatile String lastError;
    private long savedAt;
    private boolean unsaved;
    private PagePrefetch prefetch;
    private ReplayLanes lanes;
    private final AtomicLong documentWrites = new AtomicLong();

    public StreamingProjector(String name, EventHandlerInvoker invoker, EventFeed feed, ReadModelStore store,
                              ProjectorPositions positions, ProjectorProgress progress, ProjectorSettings settings) {
        this.name = name;
        this.invoker = invoker;
        this.groups = new HandlerGroups(invoker);
        this.feed = feed;
        this.store = store;
        this.positions = positions;
        this.progress = progress;
        this.settings = settings;
        progress.register(this);
        feed.onAppended(this::wake);
    }

    @Override
    public String getName() {
        return name;
    }

    /** Whether a rebuild replays it (read models), rather than it starting at the head (side effects). */
    public boolean replayable() {
        return !settings.startAtHead();
    }

    public long position() {
        return position;
    }

    /** Documents written so far, by catch-up pages and live batches alike. */
    public long documentWrites() {
        return documentWrites.get();
    }

    public ProjectorHealth health() {
        return new ProjectorHealth(name, state, position, feed.head(), failedAttempts, lastError);
    }

    @Override
    public void registerLifecycleHandlers(LifecycleRegistry lifecycle) {
        lifecycle.onStart(Phase.INBOUND_EVENT_CONNECTORS, this::start);
        lifecycle.onShutdown(Phase.INBOUND_EVENT_CONNECTORS, this::shutDown);
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        OptionalLong stored = positions.load(name);
        if (stored.isPresent()) {
            position = stored.getAsLong();
        } else if (settings.startAtHead()) {
            position = feed.head();
            save(position);
        } else {
            // read models without a position are new (or lost theirs): start them from empty, as a replay
            invoker.performReset();
            position = -1;
            save(position);
        }
        running = true;
        state = ProjectorState.RUNNING;
        prefetch = new PagePrefetch(name, after -> read(after, settings.catchUpBatch()));
        lanes = new ReplayLanes(name, groups, settings.catchUpLanes(), documentWrites);
        Thread thread = new Thread(this::run, "projector-" + name);
        thread.setDaemon(true);
        worker = thread;
        thread.start();
    }

    @Override
    public synchronized void shutDown() {
        running = false;
        Thread thread = worker;
        if (thread != null) {
            LockSupport.unpark(thread);
            try {
                thread.join(Duration.ofSeconds(30).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        worker = null;
        if (thread != null) {
            saveQuietly();
        }
        if (prefetch != null) {
            prefetch.close();
            prefetch = null;
        }
        if (lanes != null) {
            lanes.close();
            lanes = null;
        }
        state = ProjectorState.STOPPED;
        progress.advanced();
    }

    /** Empties its read models (the handlers' reset) and replays the store from the start. */
    public synchronized void resetAndReplay() {
        boolean wasRunning = running;
        shutDown();
        invoker.performReset();
        position = -1;
        positions.save(name, -1);
        if (wasRunning) {
            start();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public boolean isError() {
        return state == ProjectorState.RETRYING || state == ProjectorState.STALLED;
    }

    @Override
    public List<MessageHandlerInterceptor<? super EventMessage<?>>> getHandlerInterceptors() {
        return List.copyOf(interceptors);
    }

    @Override
    public Registration registerHandlerInterceptor(MessageHandlerInterceptor<? super EventMessage<?>> interceptor) {
        interceptors.add(interceptor);
        return () -> interceptors.remove(interceptor);
    }

    private void wake() {
        Thread thread = worker;
        if (thread != null) {
            LockSupport.unpark(thread);
        }
    }

    private void run() {
        PagePrefetch pages = prefetch;
        ReplayLanes pageLanes = lanes;
        while (running) {
            long head = feed.head();
            if (position >= head) {
                if (unsaved) {
                    saveQuietly();
                }
                if (replayable()) {
                    store.settled();
                }
                LockSupport.parkNanos(IDLE_WAIT.toNanos());
                continue;
            }
            boolean catchingUp = head - position > settings.liveBatch();
            List<TrackedEventMessage<?>> events = pages.take(position);
            if (events == null) {
                events = readOrReport(catchingUp ? settings.catchUpBatch() : settings.liveBatch());
            }
            if (catchingUp && !events.isEmpty() && positionOf(events.get(events.size() - 1)) < head) {
                pages.request(positionOf(events.get(events.size() - 1)));
            }
            if (events.isEmpty()) {
                LockSupport.parkNanos(IDLE_WAIT.toNanos());
            } else if (!(catchingUp && replayable() ? applyPage(events, pageLanes) : apply(events))) {
                retryOneByOne(events);
            }
        }
    }

    private List<TrackedEventMessage<?>> readOrReport(int limit) {
        try {
            return read(position, limit);
        } catch (RuntimeException e) {
            failed(position + 1, "reading the event store", e);
            return List.of();
        }
    }

    private List<TrackedEventMessage<?>> read(long after, int limit) {
        try (Stream<? extends TrackedEventMessage<?>> stream = feed.readAfter(after, limit)) {
            List<TrackedEventMessage<?>> events = new ArrayList<>(Math.min(limit, 1024));
            stream.forEach(events::add);
            return events;
        }
    }

    /** Applies the events in one batch; false (nothing written) when one of them failed. */
    private boolean apply(List<TrackedEventMessage<?>> events) {
        try (ReadModelStore.Batch batch = store.open()) {
            batch.expect(aggregateIds(events));
            boolean handled = false;
            for (TrackedEventMessage<?> event : events) {
                handled |= handle(event);
            }
            documentWrites.addAndGet(batch.flush());
            applied(events, handled);
        } catch (Exception e) {
            if (events.size() == 1) {
                failed(positionOf(events.get(0)), events.get(0).getPayloadType().getSimpleName(), e);
            }
            return false;
        }
        resumed();
        return true;
    }

    /**
     * Applies a page of a catch-up in {@link ReplayLanes}; false (nothing of it written) when an event failed, which
     * the caller then applies one by one in the live way to keep the events before it and report the failing one.
     */
    private boolean applyPage(List<TrackedEventMessage<?>> events, ReplayLanes pageLanes) {
        try {
            applied(events, pageLanes.apply(events, store, aggregateIds(events)));
        } catch (Exception e) {
            log.debug("projection {}: a page of {} events failed ({}); applying it event by event", name,
                    events.size(), e.toString());
            return false;
        }
        resumed();
        return true;
    }

    private void applied(List<TrackedEventMessage<?>> events, boolean handled) {
        long last = positionOf(events.get(events.size() - 1));
        position = last;
        unsaved |= handled;
        if (System.nanoTime() - savedAt > SAVE_POSITION_EVERY.toNanos()) {
            save(last);
        }
    }

    private void resumed() {
        if (failedAttempts > 0) {
            log.info("projection {} resumed at position {} after {} failed attempts", name, position, failedAttempts);
            failedAttempts = 0;
            lastError = null;
            state = ProjectorState.RUNNING;
        }
        progress.advanced();
    }

    /** Keeps the events before the failing one, then holds at it with back-off. */
    private void retryOneByOne(List<TrackedEventMessage<?>> events) {
        for (TrackedEventMessage<?> event : events) {
            if (!running || !apply(List.of(event))) {
                break;
            }
        }
    }

    /**
     * Stores the position. Not after every batch: a stored position that lags only means that a restart after a
     * crash applies a few more events again, which changes nothing.
     */
    private void save(long applied) {
        positions.save(name, applied);
        savedAt = System.nanoTime();
        unsaved = false;
    }

    private void saveQuietly() {
        try {
            save(position);
        } catch (RuntimeException e) {
            log.warn("projection {}: could not store position {} ({}); a restart applies the events after the "
                    + "stored one again", name, position, e.toString());
        }
    }

    private static List<String> aggregateIds(List<TrackedEventMessage<?>> events) {
        List<String> ids = new ArrayList<>(events.size());
        for (TrackedEventMessage<?> event : events) {
            if (event instanceof DomainEventMessage<?> domain && domain.getAggregateIdentifier() != null) {
                ids.add(domain.getAggregateIdentifier());
            }
        }
        return ids;
    }

    /**
     * Applies one event to this projector's handlers on the calling thread, outside its own batches and position,
     * into the {@link ReadModelStore#detached() detached} batch the caller bound: the history fold rebuilds an
     * entity's read-model documents in memory with the real handlers (docs/api/history.md). Refused without a
     * detached batch, so it can never write MongoDB.
     */
    public void fold(EventMessage<?> event) throws Exception {
        if (!store.detachedOnThisThread()) {
            throw new IllegalStateException("fold needs a detached read-model batch on this thread");
        }
        groups.handle(event);
    }

    /** Returns whether a handler took the event. */
    private boolean handle(TrackedEventMessage<?> event) throws Exception {
        if (groups.of(event.getPayloadType()).length == 0) {
            return false;
        }
        DefaultUnitOfWork<EventMessage<?>> unitOfWork = DefaultUnitOfWork.startAndGet(event);
        ResultMessage<Object> result = unitOfWork.executeWithResult(() -> new DefaultInterceptorChain<>(unitOfWork,
                interceptors, message -> {
                    groups.handle(message);
                    return null;
                }).proceed(), RollbackConfigurationType.ANY_THROWABLE);
        if (result.isExceptional()) {
            Throwable cause = result.exceptionResult();
            throw cause instanceof Exception e ? e : new IllegalStateException(cause);
        }
        return true;
    }

    private void failed(long at, String what, Throwable e) {
        failedAttempts++;
        lastError = String.format(Locale.ROOT, "position %d (%s): %s", at, what, e);
        state = failedAttempts >= STALL_AFTER ? ProjectorState.STALLED : ProjectorState.RETRYING;
        Duration backoff = Duration.ofSeconds(1L << Math.min(failedAttempts - 1, 6));
        if (backoff.compareTo(MAX_BACKOFF) > 0) {
            backoff = MAX_BACKOFF;
        }
        log.warn("projection {} failed at {}; attempt {}, {}, retrying in {} s", name, lastError, failedAttempts,
                state == ProjectorState.STALLED ? "stalled (readiness down)" : "retrying", backoff.toSeconds(),
                failedAttempts == 1 ? e : null);
        long until = System.nanoTime() + backoff.toNanos();
        while (running && System.nanoTime() < until) {
            LockSupport.parkNanos(until - System.nanoTime());
        }
    }

    private static long positionOf(TrackedEventMessage<?> event) {
        return event.trackingToken().position().orElseThrow();
    }
}
