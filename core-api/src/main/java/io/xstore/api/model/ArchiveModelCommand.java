package io.xstore.api.model;

import io.xstore.api.AuditEntry;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Adds the {@code archived} system tag. */
public record ArchiveModelCommand(@TargetAggregateIdentifier String modelId, String company, AuditEntry audit) {
}
