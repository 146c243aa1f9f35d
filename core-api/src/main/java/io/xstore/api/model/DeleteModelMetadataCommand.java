package io.xstore.api.model;

import io.xstore.api.AuditEntry;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** Removes metadata items by key. */
public record DeleteModelMetadataCommand(@TargetAggregateIdentifier String modelId, String company, List<String> keys,
                                         AuditEntry audit) {
}
