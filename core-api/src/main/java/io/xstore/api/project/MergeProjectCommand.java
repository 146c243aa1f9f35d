package io.xstore.api.project;

import io.xstore.api.AuditEntry;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Ends a project whose contents were moved into {@code destinationProjectId}. */
public record MergeProjectCommand(@TargetAggregateIdentifier String projectId, String company,
                                  String destinationProjectId, AuditEntry audit) {
}
