package io.xstore.api.user;

import io.xstore.api.AuditEntry;

public record CredentialsLabelChangedEvent(String userId, String accessKey, String label, AuditEntry audit) {
}
