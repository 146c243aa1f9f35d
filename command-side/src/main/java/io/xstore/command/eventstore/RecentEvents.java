package io.xstore.command.eventstore;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The last few thousand appended events as their appenders had them, by global index: readers that follow the head
 * closely (the projectors) take them from here instead of reading and deserializing the records just written. The
 * writer fills a slot before it publishes the head that covers it; a slot holds the newest index that maps to it.
 */
final class RecentEvents {

    static final int CAPACITY = 8192;

    private record Slot(long index, Object event) {
    }

    private final AtomicReferenceArray<Slot> slots = new AtomicReferenceArray<>(CAPACITY);

    /** Writer only. */
    void remember(long index, Object event) {
        slots.set((int) (index & (CAPACITY - 1)), new Slot(index, event));
    }

    /** The event appended at {@code index}, or null when it is no longer (or was never) held. */
    Object get(long index) {
        Slot slot = slots.get((int) (index & (CAPACITY - 1)));
        return slot != null && slot.index == index ? slot.event : null;
    }
}
