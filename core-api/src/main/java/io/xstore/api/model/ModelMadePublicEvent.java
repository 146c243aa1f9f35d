package io.xstore.api.model;

import io.xstore.api.AuditEntry;

/** The model is public now (company ""); {@code originCompany} made it public and alone may make it private. */
public record ModelMadePublicEvent(String modelId, String originCompany, AuditEntry audit) {
}
