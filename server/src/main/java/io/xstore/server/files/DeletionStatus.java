package io.xstore.server.files;

import java.util.Locale;
import java.util.Optional;

/** Where a scheduled file deletion stands; stored and shown in lower case. */
public enum DeletionStatus {
    /** Waiting for its (next) attempt. */
    PENDING,
    /** Deleted, or already gone. */
    DONE,
    /** Given up: a lasting error, or every retry failed; {@code last_error} says why. */
    FAILED,
    /** Not a file of this server (another host, s3://, file://): left alone, recorded so it is not silent. */
    SKIPPED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<DeletionStatus> fromWire(String text) {
        for (DeletionStatus status : values()) {
            if (status.wire().equalsIgnoreCase(text)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
