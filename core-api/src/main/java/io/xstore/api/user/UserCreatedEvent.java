package io.xstore.api.user;

import io.xstore.api.AuditEntry;

public record UserCreatedEvent(String userId, String name, String companyId, String companyName, String email,
                               String role, String givenName, String familyName, AuditEntry audit) {
}
