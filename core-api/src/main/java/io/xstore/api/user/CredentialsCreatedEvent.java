package io.xstore.api.user;

import io.xstore.api.AuditEntry;

public record CredentialsCreatedEvent(String userId, String companyId, String accessKey, String secretSha256,
                                      String label, AuditEntry audit) {
}
