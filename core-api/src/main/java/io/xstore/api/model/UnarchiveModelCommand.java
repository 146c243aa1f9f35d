package io.xstore.api.model;

import io.xstore.api.AuditEntry;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Removes the {@code archived} system tag. */
public record UnarchiveModelCommand(@TargetAggregateIdentifier String modelId, String company, AuditEntry audit) {
}
