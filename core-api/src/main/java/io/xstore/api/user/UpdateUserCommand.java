package io.xstore.api.user;

import io.xstore.api.AuditEntry;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Changes the given profile fields; null means unchanged. */
public record UpdateUserCommand(@TargetAggregateIdentifier String userId, String name, String givenName,
                                String familyName, String avatar, AuditEntry audit) {
}
