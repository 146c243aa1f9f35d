package io.xstore.api.user;

import io.xstore.api.AuditEntry;

import java.util.Map;

public record UserPreferencesSetEvent(String userId, Map<String, Object> preferences, AuditEntry audit) {
}
