package io.xstore.api.project;

import io.xstore.api.AuditEntry;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** projects.make_private: a public project that the caller's company made public becomes that company's again. */
public record MakeProjectPrivateCommand(@TargetAggregateIdentifier String projectId, AuditEntry audit) {
}
