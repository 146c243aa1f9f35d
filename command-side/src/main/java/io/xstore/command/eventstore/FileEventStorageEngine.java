package io.xstore.command.eventstore;

import org.axonframework.common.AxonConfigurationException;
import org.axonframework.common.Registration;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.AbstractEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongConsumer;
import java.util.stream.Stream;

import static org.axonframework.common.BuilderUtils.assertNonNull;

/**
 * Axon event storage on an append-only, checksummed, segmented log in one directory (see {@link RecordFormat}),
 * with dense 0-based global indexes and {@link GlobalSequenceTrackingToken}s.
 * <p>
 * Appends are durable (per {@link FsyncPolicy}) before they are acknowledged. Inside a Unit of Work the events are
 * serialized at once but only written in the commit phase: Axon appends in the prepare-commit phase and the
 * subscribing processors that run after it may still roll the unit back. The commit handler blocks until the
 * writer has made the events durable and visible; a failure there (e.g. a sequence conflict) rolls the unit back.
 * Note that commit handlers run in registration order, so a transaction attached to the unit when it started commits
 * before the events are written.
 */
public class FileEventStorageEngine extends AbstractEventStorageEngine implements AutoCloseable {

    private static final AtomicInteger INSTANCES = new AtomicInteger();
    private static final org.slf4j.Logger logger = org.slf4j.LoggerFactory.getLogger(FileEventStorageEngine.class);

    private final EventLog log;
    private final SnapshotFile snapshots;
    private final String pendingResource = FileEventStorageEngine.class.getName() + ".pending#"
            + INSTANCES.incrementAndGet();
    private final ThreadLocal<long[]> lastAppended = ThreadLocal.withInitial(() -> new long[]{-1});

    protected FileEventStorageEngine(Builder builder) {
        super(builder);
        this.log = EventLog.open(builder.directory, builder.fsyncPolicy, builder.segmentBytes);
        try {
            this.snapshots = SnapshotFile.open(builder.directory, builder.fsyncPolicy);
        } catch (RuntimeException e) {
            log.close();
            throw e;
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    // ---- appending

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.isEmpty()) {
            return;
        }
        List<PendingEvent> encoded = new ArrayList<>(events.size());
        for (EventMessage<?> event : events) {
            encoded.add(encode(event, serializer));
        }
        if (CurrentUnitOfWork.isStarted()) {
            UnitOfWork<?> root = CurrentUnitOfWork.get().root();
            if (!root.phase().isAfter(UnitOfWork.Phase.PREPARE_COMMIT)) {
                pendingIn(root).addAll(encoded);
                return;
            }
        }
        appendAndWait(encoded);
    }

    /** The events a unit of work will write when it commits; the first call registers the commit handler. */
    private List<PendingEvent> pendingIn(UnitOfWork<?> root) {
        List<PendingEvent> pending = root.getResource(pendingResource);
        if (pending == null) {
            List<PendingEvent> created = new ArrayList<>();
            root.resources().put(pendingResource, created);
            root.onCommit(unitOfWork -> appendAndWait(created));
            pending = created;
        }
        return pending;
    }

    private void appendAndWait(List<PendingEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        long last = awaitUninterruptibly(log.submit(events));
        lastAppended.get()[0] = last;
    }

    private static long awaitUninterruptibly(CompletableFuture<Long> done) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return done.get();
                } catch (InterruptedException e) {
                    // the write goes on regardless; answering early would misreport its outcome
                    interrupted = true;
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof RuntimeException runtime) {
                        throw runtime;
                    }
                    if (cause instanceof Error error) {
                        throw error;
                    }
                    throw new EventStoreException("appending events failed", cause);
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static PendingEvent encode(EventMessage<?> event, Serializer serializer) {
        return record(event, serializer).withSource(event);
    }

    private static PendingEvent record(EventMessage<?> event, Serializer serializer) {
        DomainEventMessage<?> domainEvent = EventUtils.asDomainEventMessage(event);
        SerializedObject<byte[]> payload = event.serializePayload(serializer, byte[].class);
        SerializedObject<byte[]> metaData = event.serializeMetaData(serializer, byte[].class);
        return PendingEvent.of(domainEvent.getType(), domainEvent.getAggregateIdentifier(),
                domainEvent.getSequenceNumber(), domainEvent.getIdentifier(), domainEvent.getTimestamp(),
                payload.getType().getName(), payload.getType().getRevision(), payload.getData(),
                metaData.getData());
    }

    @Override
    protected void storeSnapshot(DomainEventMessage<?> snapshot, Serializer serializer) {
        snapshots.store(record(snapshot, serializer));
    }

    /**
     * The newest snapshot of the aggregate, deserialized here rather than when the aggregate is built from it: a
     * snapshot the snapshot filter refuses (e.g. of an older revision of the aggregate) or that cannot be read (a
     * shape the class no longer has, a damaged record) is ignored, logged once per aggregate and load, and the
     * aggregate is built from all its events instead.
     */
    @Override
    public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
        try {
            Optional<DomainEventMessage<?>> snapshot = super.readSnapshot(aggregateIdentifier);
            snapshot.ifPresent(DomainEventMessage::getPayload);
            return snapshot;
        } catch (RuntimeException | LinkageError e) {
            logger.warn("snapshot of aggregate {} ignored, it cannot be read ({}); loading it from all its events",
                    aggregateIdentifier, e.toString());
            return Optional.empty();
        }
    }

    // ---- positions

    /**
     * Highest global index this thread has appended (in the commit of its unit of work, or directly) since
     * {@link #clearLastAppendedPosition()}; -1 if none.
     */
    public long lastAppendedPosition() {
        return lastAppended.get()[0];
    }

    public void clearLastAppendedPosition() {
        lastAppended.get()[0] = -1;
    }

    /** Newest readable global index; -1 when the store is empty. */
    public long head() {
        return log.head();
    }

    /**
     * Calls the listener with the new head after each group commit, on the writer thread: it must be quick and must
     * not append.
     */
    public Registration onAppended(LongConsumer listener) {
        return log.onAppended(listener);
    }

    // ---- reading

    @Override
    protected Stream<? extends TrackedEventData<?>> readEventData(TrackingToken trackingToken, boolean mayBlock) {
        // never blocks: the stream ends at the head seen now; Axon's event store polls or is woken after commits
        return log.read(firstIndexAfter(trackingToken), log.head());
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readEventData(String aggregateIdentifier,
                                                                 long firstSequenceNumber) {
        return log.readAggregate(aggregateIdentifier, firstSequenceNumber);
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        return snapshots.read(aggregateIdentifier).stream();
    }

    /** Stored records {@code fromIndex..toIndex} (both inclusive, clipped to the head), read lazily, not upcast. */
    public Stream<StoredEvent> readRaw(long fromIndex, long toIndex) {
        return log.read(fromIndex, toIndex);
    }

    /**
     * Events {@code fromIndex..toIndex} (both inclusive, clipped to the head), upcast and deserialized lazily. Those
     * appended by this process a moment ago (the last {@value RecentEvents#CAPACITY}) come as their appenders made
     * them, without reading them back (they are of the current shape: nothing to upcast).
     */
    public Stream<TrackedEventMessage<?>> readEvents(long fromIndex, long toIndex) {
        long start = Math.max(0, fromIndex);
        long end = Math.min(toIndex, log.head());
        List<TrackedEventMessage<?>> recent = new ArrayList<>();
        long next = start;
        while (next <= end) {
            Object event = log.recent.get(next);
            if (event == null) {
                break;
            }
            recent.add(tracked(next, (EventMessage<?>) event));
            next++;
        }
        if (next > end) {
            return recent.stream();
        }
        Stream<TrackedEventMessage<?>> stored = EventUtils.upcastAndDeserializeTrackedEvents(readRaw(next, end),
                getEventSerializer(), upcasterChain);
        return recent.isEmpty() ? stored : Stream.concat(recent.stream(), stored);
    }

    private static TrackedEventMessage<?> tracked(long index, EventMessage<?> event) {
        GlobalSequenceTrackingToken token = new GlobalSequenceTrackingToken(index);
        return event instanceof DomainEventMessage<?> domain
                ? new GenericTrackedDomainEventMessage<>(token, domain)
                : new GenericTrackedEventMessage<>(token, event);
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        OptionalLong last = log.lastSequence(aggregateIdentifier);
        return last.isPresent() ? Optional.of(last.getAsLong()) : Optional.empty();
    }

    /** Null for an empty store (as Axon's JPA engine), otherwise the position before the first event: -1. */
    @Override
    public TrackingToken createTailToken() {
        return log.head() < 0 ? null : new GlobalSequenceTrackingToken(-1);
    }

    /** Null for an empty store (as Axon's JPA engine), otherwise the position of the newest event. */
    @Override
    public TrackingToken createHeadToken() {
        long head = log.head();
        return head < 0 ? null : new GlobalSequenceTrackingToken(head);
    }

    /** The position before the first event stamped at or after {@code dateTime}; the head token if none is. */
    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        OptionalLong first = log.firstIndexAtOrAfter(dateTime);
        return first.isPresent() ? new GlobalSequenceTrackingToken(first.getAsLong() - 1) : createHeadToken();
    }

    private static long firstIndexAfter(TrackingToken token) {
        if (token == null) {
            return 0;
        }
        if (token instanceof GlobalSequenceTrackingToken global) {
            return global.getGlobalIndex() + 1;
        }
        throw new IllegalArgumentException("the file event store reads from a GlobalSequenceTrackingToken, not "
                + token.getClass().getName() + " (a token of another store must be reset, not reused)");
    }

    public Path directory() {
        return log.directory;
    }

    /** Lets the writer finish what was queued, then forces and closes the files. */
    @Override
    public void close() {
        try {
            log.close();
        } finally {
            try {
                snapshots.close();
            } catch (java.io.IOException e) {
                throw new EventStoreException("closing the snapshot file failed", e);
            }
        }
    }

    /**
     * Builder of a {@link FileEventStorageEngine}. Directory, event serializer and snapshot serializer are
     * required; {@link FsyncPolicy#ALWAYS} and 64 MB segments are the defaults.
     */
    public static class Builder extends AbstractEventStorageEngine.Builder {

        private Path directory;
        private FsyncPolicy fsyncPolicy = FsyncPolicy.ALWAYS;
        private long segmentBytes = EventLog.DEFAULT_SEGMENT_BYTES;
        private boolean eventSerializerSet;
        private boolean snapshotSerializerSet;

        public Builder directory(Path directory) {
            assertNonNull(directory, "The directory may not be null");
            this.directory = directory;
            return this;
        }

        public Builder fsyncPolicy(FsyncPolicy fsyncPolicy) {
            assertNonNull(fsyncPolicy, "The fsync policy may not be null");
            this.fsyncPolicy = fsyncPolicy;
            return this;
        }

        /** Size at which a new segment file is started (checked before each group commit). */
        public Builder segmentBytes(long segmentBytes) {
            if (segmentBytes <= 0) {
                throw new AxonConfigurationException("segmentBytes must be positive");
            }
            this.segmentBytes = segmentBytes;
            return this;
        }

        @Override
        public Builder eventSerializer(Serializer eventSerializer) {
            super.eventSerializer(eventSerializer);
            eventSerializerSet = true;
            return this;
        }

        @Override
        public Builder snapshotSerializer(Serializer snapshotSerializer) {
            super.snapshotSerializer(snapshotSerializer);
            snapshotSerializerSet = true;
            return this;
        }

        @Override
        public Builder upcasterChain(EventUpcaster upcasterChain) {
            super.upcasterChain(upcasterChain);
            return this;
        }

        @Override
        public Builder snapshotFilter(SnapshotFilter snapshotFilter) {
            super.snapshotFilter(snapshotFilter);
            return this;
        }

        /** Accepted for symmetry with Axon's engines; this engine detects conflicts itself and never asks it. */
        @Override
        public Builder persistenceExceptionResolver(PersistenceExceptionResolver persistenceExceptionResolver) {
            super.persistenceExceptionResolver(persistenceExceptionResolver);
            return this;
        }

        @Override
        protected void validate() throws AxonConfigurationException {
            if (directory == null) {
                throw new AxonConfigurationException("The directory of the file event store is required");
            }
            if (!eventSerializerSet || !snapshotSerializerSet) {
                throw new AxonConfigurationException(
                        "The event and snapshot serializers of the file event store are required");
            }
            super.validate();
        }

        /** Opens the store: scans the log, which also cuts a torn tail off. */
        public FileEventStorageEngine build() {
            return new FileEventStorageEngine(this);
        }
    }
}
