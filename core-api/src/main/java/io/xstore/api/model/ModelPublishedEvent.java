package io.xstore.api.model;

import io.xstore.api.AuditEntry;

/** The model is ready (published). */
public record ModelPublishedEvent(String modelId, AuditEntry audit) {
}
