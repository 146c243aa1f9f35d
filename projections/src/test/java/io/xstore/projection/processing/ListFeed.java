package io.xstore.projection.processing;

import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/** An event store in a list, for projector tests. */
final class ListFeed implements EventFeed {

    private final List<TrackedEventMessage<?>> events = new CopyOnWriteArrayList<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    void append(Object... payloads) {
        for (Object payload : payloads) {
            events.add(new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(events.size()),
                    GenericEventMessage.asEventMessage(payload)));
        }
        listeners.forEach(Runnable::run);
    }

    @Override
    public long head() {
        return events.size() - 1;
    }

    @Override
    public Stream<? extends TrackedEventMessage<?>> readAfter(long position) {
        return events.subList((int) position + 1, events.size()).stream();
    }

    @Override
    public void onAppended(Runnable listener) {
        listeners.add(listener);
    }
}
