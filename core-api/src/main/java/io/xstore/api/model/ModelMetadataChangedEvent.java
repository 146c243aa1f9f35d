package io.xstore.api.model;

import io.xstore.api.AuditEntry;

import java.util.Map;

/** The model's whole metadata is now {@code metadata} (key → {@code {key, type, value}}). */
public record ModelMetadataChangedEvent(String modelId, Map<String, Object> metadata, AuditEntry audit) {
}
