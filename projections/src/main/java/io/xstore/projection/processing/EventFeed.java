package io.xstore.projection.processing;

import org.axonframework.eventhandling.TrackedEventMessage;

import java.util.stream.Stream;

/** The event store as the projectors read it: dense global positions from 0, and a signal when new ones arrive. */
public interface EventFeed {

    /** Position of the newest durable event; -1 when the store is empty. */
    long head();

    /** The events after {@code position} up to the head, in order, read lazily (upcast and deserialized). */
    Stream<? extends TrackedEventMessage<?>> readAfter(long position);

    /**
     * At most {@code limit} events after {@code position}: a feed that keeps recent events in memory then touches
     * only those, not every one up to the head (a projector that lags reads many small batches).
     */
    default Stream<? extends TrackedEventMessage<?>> readAfter(long position, int limit) {
        return readAfter(position).limit(limit);
    }

    /** Runs {@code listener} after new events became readable. */
    void onAppended(Runnable listener);
}
