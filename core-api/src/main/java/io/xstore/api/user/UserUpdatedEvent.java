package io.xstore.api.user;

import io.xstore.api.AuditEntry;

import java.util.Map;

public record UserUpdatedEvent(String userId, Map<String, String> fields, AuditEntry audit) {
}
