package io.xstore.api.user;

import io.xstore.api.AuditEntry;

public record CredentialsRevokedEvent(String userId, String accessKey, AuditEntry audit) {
}
