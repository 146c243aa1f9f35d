package io.xstore.api.model;

import io.xstore.api.AuditEntry;

/** Fields of a model changed; null fields are unchanged. */
public record ModelEditedEvent(String modelId, ModelFields fields, AuditEntry audit) {
}
