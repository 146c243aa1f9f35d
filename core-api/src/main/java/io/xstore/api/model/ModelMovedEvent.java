package io.xstore.api.model;

import io.xstore.api.AuditEntry;

/** The model now belongs to {@code project} (null: to none). */
public record ModelMovedEvent(String modelId, String project, AuditEntry audit) {
}
