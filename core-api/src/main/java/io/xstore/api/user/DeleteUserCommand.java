package io.xstore.api.user;

import io.xstore.api.AuditEntry;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** users.delete (admin): the user goes, with every credential issued to them. */
public record DeleteUserCommand(@TargetAggregateIdentifier String userId, String companyId, AuditEntry audit) {
}
