package io.xstore.server.consistency;

import io.xstore.protocol.ConsistencyBarrier;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
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
        TrackingToken head = eventStore.createHeadToken();
        if (head == null) {
            return;
        }
        List<StreamingEventProcessor> processors = processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .toList();
        long deadline = System.nanoTime() + timeout.toNanos();
        long pause = 50_000;
        for (StreamingEventProcessor processor : processors) {
            while (!caughtUp(processor, head)) {
                if (System.nanoTime() > deadline) {
                    log.warn("projection {} did not catch up within {}; answering anyway", processor.getName(), timeout);
                    return;
                }
                LockSupport.parkNanos(pause);
                pause = Math.min(pause * 2, 2_000_000);
            }
        }
    }

    private static boolean caughtUp(StreamingEventProcessor processor, TrackingToken head) {
        if (!processor.isRunning()) {
            return true;
        }
        var statuses = processor.processingStatus().values();
        if (statuses.isEmpty()) {
            return false;
        }
        for (EventTrackerStatus status : statuses) {
            TrackingToken token = status.getTrackingToken();
            // positions, not covers(): a gap left by another caller's rolled-back append must not hold us up
            if (token == null || token.position().orElse(-1) < head.position().orElse(0)) {
                return false;
            }
        }
        return true;
    }
}
