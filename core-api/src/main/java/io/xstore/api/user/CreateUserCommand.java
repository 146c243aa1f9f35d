package io.xstore.api.user;

import io.xstore.api.AuditEntry;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record CreateUserCommand(@TargetAggregateIdentifier String userId, String name, String companyId,
                                String companyName, String email, String role, String givenName, String familyName,
                                AuditEntry audit) {
}
