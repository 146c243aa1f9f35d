package io.xstore.projection.replay;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * Drops every read model and rebuilds it by replaying the whole event store through its projection: each streaming
 * processor is stopped, its tokens reset (its {@code @ResetHandler} clears its collection) and restarted. Reports
 * progress while the processors catch up with the head of the store.
 */
@Component
public class ReadModelRebuilder {

    private static final Logger log = LoggerFactory.getLogger(ReadModelRebuilder.class);

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;

    public ReadModelRebuilder(EventProcessingConfiguration processing, EventStore eventStore) {
        this.processing = processing;
        this.eventStore = eventStore;
    }

    /** Replays everything; returns the number of events in the store when the rebuild began. */
    public long rebuildAll(Duration timeout, Consumer<String> progress) {
        List<StreamingEventProcessor> processors = ProjectionPositions.replayableProcessors(processing);
        long head = ProjectionPositions.head(eventStore);
        long total = head + 1;
        long started = System.nanoTime();
        for (StreamingEventProcessor processor : processors) {
            processor.shutDown();
            processor.resetTokens();
            processor.start();
            progress.accept("replaying " + total + " events into " + processor.getName());
        }
        long deadline = started + timeout.toNanos();
        long lastReport = 0;
        while (ProjectionPositions.slowest(processors) < head) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("replay did not finish within " + timeout);
            }
            if (System.nanoTime() - lastReport > Duration.ofSeconds(2).toNanos()) {
                progress.accept("replay at " + ProjectionPositions.slowest(processors) + " of " + total + " events");
                lastReport = System.nanoTime();
            }
            sleep();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        progress.accept(String.format("replayed %d events into %d projections in %.1f s", total, processors.size(),
                seconds));
        log.info("read models rebuilt: {} events, {} projections, {} s", total, processors.size(),
                String.format("%.1f", seconds));
        return total;
    }

    private static void sleep() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the replay", e);
        }
    }
}
