package io.xstore.projection.processing;

public enum ProjectorState {
    /** Not started, or stopped for a rebuild or at shutdown. */
    STOPPED,
    /** Applying events as they arrive. */
    RUNNING,
    /** An event failed; retrying it with back-off. */
    RETRYING,
    /** The same event failed again and again: the projector holds at it and only retries, slowly, until it passes. */
    STALLED
}
