package io.xstore.api.model;

import io.xstore.api.AuditEntry;

/** A model exists, with these initial fields. */
public record ModelCreatedEvent(String modelId, String company, ModelFields fields, AuditEntry audit) {
}
