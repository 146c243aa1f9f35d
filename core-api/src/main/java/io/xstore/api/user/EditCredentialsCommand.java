package io.xstore.api.user;

import io.xstore.api.AuditEntry;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record EditCredentialsCommand(@TargetAggregateIdentifier String userId, String accessKey, String label,
                                     AuditEntry audit) {
}
