package io.xstore.server.embedded;

import io.xstore.projection.replay.ReadModelRebuilder;
import io.xstore.server.eventstore.EventStoreCarryOver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Brings the read models up to the head of the event store before the listeners open: after any start only the tail
 * their stored position has not reached (the whole store when they are new or kept in memory), everything on request
 * ({@code --migrate=rebuild-read-models}) or after an event store was carried over from the old format.
 * <p>
 * Runs in a lifecycle phase after Axon's, which starts the projectors, and before the web server's.
 */
@Component
public class ReadModelWarmup implements SmartLifecycle {

    /** After Axon's processors start, before the web server's listeners (MAX - 2048). */
    static final int PHASE = Integer.MAX_VALUE - 2560;

    /** {@code --migrate=rebuild-read-models} asks for the rebuild whatever MongoDB holds (external too). */
    public static final String REBUILD_ACTION = "rebuild-read-models";

    private static final Logger log = LoggerFactory.getLogger(ReadModelWarmup.class);

    private final ReadModelRebuilder rebuilder;
    private final EventStoreCarryOver carryOver;
    private final Duration timeout;
    private final String migrate;
    private volatile boolean running;

    public ReadModelWarmup(ReadModelRebuilder rebuilder, EventStoreCarryOver carryOver,
                           @Value("${xstore.mongo.rebuild-timeout:1h}") Duration timeout,
                           @Value("${migrate:}") String migrate) {
        this.rebuilder = rebuilder;
        this.carryOver = carryOver;
        this.timeout = timeout;
        this.migrate = migrate;
    }

    @Override
    public void start() {
        if (carryOver.carriedOver() || REBUILD_ACTION.equals(migrate) || "rebuild-all".equals(migrate)) {
            rebuilder.rebuildAll(timeout, log::info);
        } else {
            rebuilder.catchUp(timeout, log::info, "catch-up");
        }
        running = true;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
