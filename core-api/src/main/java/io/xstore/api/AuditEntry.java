package io.xstore.api;

import java.time.Instant;

/**
 * Who did something, when, and through which API call. Every command and every event carries one, so that the
 * full history of an object can be shown.
 */
public record AuditEntry(String userId, String userName, String companyId, Instant at, String callId) {

    public static AuditEntry system(String callId) {
        return system("", Instant.now(), callId);
    }

    /** The server itself acting in {@code companyId} (system queues, the watchdog). */
    public static AuditEntry system(String companyId, Instant at, String callId) {
        return new AuditEntry("__system__", "system", companyId, at, callId);
    }
}
