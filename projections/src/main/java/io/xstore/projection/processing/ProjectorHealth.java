package io.xstore.projection.processing;

/** What readiness and the log say of one projector. */
public record ProjectorHealth(String name, ProjectorState state, long position, long head, int failedAttempts,
                              String error) {

    public boolean healthy() {
        return state != ProjectorState.STALLED;
    }
}
