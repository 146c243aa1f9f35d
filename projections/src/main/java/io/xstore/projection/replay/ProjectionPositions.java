package io.xstore.projection.replay;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.util.List;
import java.util.Set;

/**
 * How far the projections have read the event store, by global position. Positions rather than
 * {@code TrackingToken.covers}: a gap left by another caller's rolled-back append must not count as "behind".
 */
public final class ProjectionPositions {

    private ProjectionPositions() {
    }

    /**
     * Processors whose handlers act on the world (delete metric events, delete files) rather than build a read
     * model: they start at the head of the store and are never replayed.
     */
    public static final Set<String> SIDE_EFFECT_PROCESSORS = Set.of("metric-events-cleanup", "file-cleanup");

    /** The streaming processors that build read models, which a rebuild resets and replays. */
    public static List<StreamingEventProcessor> replayableProcessors(EventProcessingConfiguration processing) {
        return streamingProcessors(processing).stream()
                .filter(processor -> !SIDE_EFFECT_PROCESSORS.contains(processor.getName()))
                .toList();
    }

    /** The streaming (tracking) processors, i.e. the projections that read the store at their own pace. */
    public static List<StreamingEventProcessor> streamingProcessors(EventProcessingConfiguration processing) {
        return processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .toList();
    }

    /** Position of the newest event in the store; -1 when it is empty. */
    public static long head(EventStore eventStore) {
        TrackingToken head = eventStore.createHeadToken();
        return head == null ? -1 : head.position().orElse(-1);
    }

    /** The lowest position any segment of these processors has handled; -1 while one has not claimed a segment. */
    public static long slowest(List<StreamingEventProcessor> processors) {
        long slowest = Long.MAX_VALUE;
        for (StreamingEventProcessor processor : processors) {
            var statuses = processor.processingStatus().values();
            if (statuses.isEmpty()) {
                return -1;
            }
            for (EventTrackerStatus status : statuses) {
                TrackingToken token = status.getTrackingToken();
                slowest = Math.min(slowest, token == null ? -1 : token.position().orElse(-1));
            }
        }
        return slowest;
    }
}
