package io.xstore.api.model;

import io.xstore.api.AuditEntry;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** models.make_private: a public model that the caller's company made public becomes that company's again. */
public record MakeModelPrivateCommand(@TargetAggregateIdentifier String modelId, AuditEntry audit) {
}
