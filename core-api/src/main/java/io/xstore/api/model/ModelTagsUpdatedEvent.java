package io.xstore.api.model;

import io.xstore.api.AuditEntry;

import java.util.List;

/** The model's user tags are now {@code tags}. */
public record ModelTagsUpdatedEvent(String modelId, List<String> tags, AuditEntry audit) {
}
