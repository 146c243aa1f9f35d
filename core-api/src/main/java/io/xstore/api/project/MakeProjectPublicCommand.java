package io.xstore.api.project;

import io.xstore.api.AuditEntry;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** projects.make_public: the caller's project becomes public (company ""), readable by every company. */
public record MakeProjectPublicCommand(@TargetAggregateIdentifier String projectId, AuditEntry audit) {
}
