package io.xstore.api.model;

import io.xstore.api.AuditEntry;

/** The model no longer exists; {@code uri} was its weights location. */
public record ModelDeletedEvent(String modelId, String uri, AuditEntry audit) {
}
