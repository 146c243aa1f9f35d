package io.xstore.api.model;

import io.xstore.api.AuditEntry;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * {@code models.update}: changes only the user-settable fields (name, comment, tags, system_tags, project, created,
 * ui_cache, uri, metadata); other fields of {@code fields} are rejected by the aggregate.
 */
public record UpdateModelCommand(@TargetAggregateIdentifier String modelId, String company, ModelFields fields,
                                 AuditEntry audit) {
}
