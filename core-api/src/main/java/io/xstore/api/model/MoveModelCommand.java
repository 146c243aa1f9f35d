package io.xstore.api.model;

import io.xstore.api.AuditEntry;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Puts the model in another project ({@code project} null: in none). */
public record MoveModelCommand(@TargetAggregateIdentifier String modelId, String company, String project,
                               AuditEntry audit) {
}
