package io.xstore.server.consistency;

import io.xstore.projection.processing.EventFeed;
import io.xstore.projection.processing.ProjectorProgress;
import io.xstore.protocol.ConsistencyBarrier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Read-your-writes: waits until every projector has applied a position, woken by the projectors as they commit.
 * Bounded, so a failing projection delays answers but never blocks them forever.
 */
@Component
public class ProjectionBarrier implements ConsistencyBarrier {

    private static final Logger log = LoggerFactory.getLogger(ProjectionBarrier.class);

    private final EventFeed feed;
    private final OwnWrites ownWrites;
    private final ProjectorProgress progress;
    private final Duration timeout;

    public ProjectionBarrier(EventFeed feed, OwnWrites ownWrites, ProjectorProgress progress,
                             @Value("${xstore.consistency.timeout:10s}") Duration timeout) {
        this.feed = feed;
        this.ownWrites = ownWrites;
        this.progress = progress;
        this.timeout = timeout;
    }

    @Override
    public void awaitProjections() {
        await(feed.head());
    }

    @Override
    public void awaitOwnWrites() {
        long own = ownWrites.takeLastAppended();
        if (own >= 0) {
            await(own);
        }
    }

    private void await(long position) {
        if (!progress.await(position, timeout)) {
            log.warn("projections did not reach position {} within {}; answering anyway", position, timeout);
        }
    }
}
