package io.xstore.api.model;

import io.xstore.api.AuditEntry;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** models.make_public: the caller's model becomes public (company ""), readable by every company. */
public record MakeModelPublicCommand(@TargetAggregateIdentifier String modelId, AuditEntry audit) {
}
