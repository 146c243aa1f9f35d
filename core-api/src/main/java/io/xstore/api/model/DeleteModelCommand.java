package io.xstore.api.model;

import io.xstore.api.AuditEntry;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Deletes a model record (its weights file is the client's business; the url is returned). */
public record DeleteModelCommand(@TargetAggregateIdentifier String modelId, String company, AuditEntry audit) {
}
