package io.xstore.api.model;

import io.xstore.api.AuditEntry;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Registers a model; {@code fields.name} and {@code fields.uri} are required, {@code ready} defaults to false. */
public record CreateModelCommand(@TargetAggregateIdentifier String modelId, String company, ModelFields fields,
                                 AuditEntry audit) {
}
