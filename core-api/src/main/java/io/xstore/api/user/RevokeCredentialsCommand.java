package io.xstore.api.user;

import io.xstore.api.AuditEntry;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RevokeCredentialsCommand(@TargetAggregateIdentifier String userId, String accessKey, AuditEntry audit) {
}
