package io.xstore.api.model;

import io.xstore.api.AuditEntry;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Map;

/**
 * Upserts metadata items (key → {@code {key, type, value}}); with {@code replace} the given items become the whole
 * metadata.
 */
public record AddOrUpdateModelMetadataCommand(@TargetAggregateIdentifier String modelId, String company,
                                              Map<String, Object> metadata, boolean replace, AuditEntry audit) {
}
