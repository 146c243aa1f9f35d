package io.xstore.api.project;

import io.xstore.api.AuditEntry;

/** The project's description changed. */
public record ProjectDescriptionChangedEvent(String projectId, String description, AuditEntry audit) {
}
