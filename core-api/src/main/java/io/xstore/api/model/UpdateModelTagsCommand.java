package io.xstore.api.model;

import io.xstore.api.AuditEntry;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** {@code models.update_tags}: adds and removes user tags. */
public record UpdateModelTagsCommand(@TargetAggregateIdentifier String modelId, String company, List<String> addTags,
                                     List<String> removeTags, AuditEntry audit) {
}
