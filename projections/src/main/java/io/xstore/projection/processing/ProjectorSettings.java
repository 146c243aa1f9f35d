package io.xstore.projection.processing;

/**
 * How a projector reads: batch sizes live and when far behind, on how many threads it folds a page when far behind
 * (see {@link ReplayLanes}), and whether it starts at the head of the store (side effects, never replayed) or at its
 * beginning (read models).
 */
public record ProjectorSettings(int liveBatch, int catchUpBatch, int catchUpLanes, boolean startAtHead) {

    public static ProjectorSettings readModel() {
        return new ProjectorSettings(1_000, 5_000, Math.min(2, Runtime.getRuntime().availableProcessors()), false);
    }

    public static ProjectorSettings sideEffects() {
        return new ProjectorSettings(100, 100, 1, true);
    }
}
