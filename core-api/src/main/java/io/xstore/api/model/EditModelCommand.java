package io.xstore.api.model;

import io.xstore.api.AuditEntry;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * {@code models.edit}: changes any field. {@code iteration}, when given, is reported to the model's task by the
 * caller (it is not a model field).
 */
public record EditModelCommand(@TargetAggregateIdentifier String modelId, String company, ModelFields fields,
                               Integer iteration, AuditEntry audit) {
}
