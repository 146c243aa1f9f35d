package io.xstore.projection.replay;

import java.util.Set;

/** Which processors act on the world rather than build read models. */
public final class ProjectionPositions {

    private ProjectionPositions() {
    }

    /**
     * Processors whose handlers act on the world (delete metric events, delete files) rather than build a read
     * model: they start at the head of the store and are never replayed.
     */
    public static final Set<String> SIDE_EFFECT_PROCESSORS = Set.of("metric-events-cleanup", "file-cleanup");
}
