package io.xstore.server.consistency;

import io.xstore.projection.replay.ProjectionPositions;
import io.xstore.protocol.ConsistencyBarrier;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * Read-your-writes: waits until every streaming processor (every projection) has handled the events that were in
 * the store when the wait began. Bounded, so a failing projection delays answers but never blocks them forever.
 */
@Component
public class ProjectionBarrier implements ConsistencyBarrier {

    private static final Logger log = LoggerFactory.getLogger(ProjectionBarrier.class);

    private final EventStore eventStore;
    private final EventProcessingConfiguration processing;
    private final Duration timeout;

    public ProjectionBarrier(EventStore eventStore, EventProcessingConfiguration processing,
                             @Value("${xstore.consistency.timeout:10s}") Duration timeout) {
        this.eventStore = eventStore;
        this.processing = processing;
        this.timeout = timeout;
    }

    @Override
    public void awaitProjections() {
        long head = ProjectionPositions.head(eventStore);
        if (head < 0) {
            return;
        }
        List<StreamingEventProcessor> running = ProjectionPositions.streamingProcessors(processing).stream()
                .filter(StreamingEventProcessor::isRunning)
                .toList();
        long deadline = System.nanoTime() + timeout.toNanos();
        long pause = 50_000;
        while (ProjectionPositions.slowest(running) < head) {
            if (System.nanoTime() > deadline) {
                log.warn("projections did not catch up within {}; answering anyway", timeout);
                return;
            }
            LockSupport.parkNanos(pause);
            pause = Math.min(pause * 2, 2_000_000);
        }
    }
}
