package io.xstore.api.user;

import io.xstore.api.AuditEntry;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The secret is never stored: only its SHA-256 (secrets are long random strings, so a plain hash suffices). */
public record CreateCredentialsCommand(@TargetAggregateIdentifier String userId, String accessKey, String secretSha256,
                                       String label, AuditEntry audit) {
}
