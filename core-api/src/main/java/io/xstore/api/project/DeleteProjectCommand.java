package io.xstore.api.project;

import io.xstore.api.AuditEntry;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Deletes one project; its contents and sub-projects are handled by the caller first. */
public record DeleteProjectCommand(@TargetAggregateIdentifier String projectId, String company, AuditEntry audit) {
}
