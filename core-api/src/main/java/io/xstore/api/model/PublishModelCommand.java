package io.xstore.api.model;

import io.xstore.api.AuditEntry;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** {@code models.set_ready} / {@code models.publish_many}: marks the model ready (published). */
public record PublishModelCommand(@TargetAggregateIdentifier String modelId, String company, AuditEntry audit) {
}
