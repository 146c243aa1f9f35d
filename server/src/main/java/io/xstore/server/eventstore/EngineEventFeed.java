package io.xstore.server.eventstore;

import io.xstore.command.eventstore.FileEventStorageEngine;
import io.xstore.projection.processing.EventFeed;
import io.xstore.server.consistency.OwnWrites;
import org.axonframework.eventhandling.TrackedEventMessage;

import java.util.stream.Stream;

/** The event log as the projectors and the read-your-writes barrier see it. */
public class EngineEventFeed implements EventFeed, OwnWrites {

    private final FileEventStorageEngine engine;

    public EngineEventFeed(FileEventStorageEngine engine) {
        this.engine = engine;
    }

    @Override
    public long head() {
        return engine.head();
    }

    @Override
    public Stream<? extends TrackedEventMessage<?>> readAfter(long position) {
        return engine.readEvents(position + 1, engine.head());
    }

    @Override
    public Stream<? extends TrackedEventMessage<?>> readAfter(long position, int limit) {
        return engine.readEvents(position + 1, Math.min(engine.head(), position + limit));
    }

    @Override
    public void onAppended(Runnable listener) {
        engine.onAppended(head -> listener.run());
    }

    @Override
    public long takeLastAppended() {
        long last = engine.lastAppendedPosition();
        engine.clearLastAppendedPosition();
        return last;
    }
}
