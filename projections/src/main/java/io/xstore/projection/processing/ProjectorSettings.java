package io.xstore.projection.processing;

/**
 * How a projector reads: batch sizes live and when far behind, and whether it starts at the head of the store (side
 * effects, never replayed) or at its beginning (read models).
 */
public record ProjectorSettings(int liveBatch, int catchUpBatch, boolean startAtHead) {

    public static ProjectorSettings readModel() {
        return new ProjectorSettings(1_000, 5_000, false);
    }

    public static ProjectorSettings sideEffects() {
        return new ProjectorSettings(100, 100, true);
    }
}
