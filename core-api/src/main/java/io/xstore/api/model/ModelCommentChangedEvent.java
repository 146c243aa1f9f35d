package io.xstore.api.model;

import io.xstore.api.AuditEntry;

/** The model's comment (description) changed. */
public record ModelCommentChangedEvent(String modelId, String comment, AuditEntry audit) {
}
