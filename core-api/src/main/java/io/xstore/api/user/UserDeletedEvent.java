package io.xstore.api.user;

import io.xstore.api.AuditEntry;

/** The user was deleted (their credentials were revoked just before). */
public record UserDeletedEvent(String userId, AuditEntry audit) {
}
