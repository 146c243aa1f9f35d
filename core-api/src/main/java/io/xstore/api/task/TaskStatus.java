package io.xstore.api.task;

import java.util.Locale;
import java.util.Optional;

/** The lifecycle status of a task; {@link #wire()} is the ClearML spelling ({@code in_progress}). */
public enum TaskStatus {
    CREATED, QUEUED, IN_PROGRESS, STOPPED, PUBLISHED, PUBLISHING, CLOSED, FAILED, COMPLETED, UNKNOWN;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<TaskStatus> fromWire(String text) {
        for (TaskStatus status : values()) {
            if (status.wire().equals(text)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
