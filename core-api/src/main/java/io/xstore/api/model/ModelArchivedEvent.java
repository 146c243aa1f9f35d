package io.xstore.api.model;

import io.xstore.api.AuditEntry;

/** The model got the {@code archived} system tag. */
public record ModelArchivedEvent(String modelId, AuditEntry audit) {
}
