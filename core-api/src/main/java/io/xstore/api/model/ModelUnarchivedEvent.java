package io.xstore.api.model;

import io.xstore.api.AuditEntry;

/** The model lost the {@code archived} system tag. */
public record ModelUnarchivedEvent(String modelId, AuditEntry audit) {
}
