package io.xstore.api.model;

import io.xstore.api.AuditEntry;

/** The model's name changed. */
public record ModelRenamedEvent(String modelId, String name, AuditEntry audit) {
}
