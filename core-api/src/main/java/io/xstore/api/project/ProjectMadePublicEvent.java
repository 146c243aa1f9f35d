package io.xstore.api.project;

import io.xstore.api.AuditEntry;

/** The project is public now (company ""); {@code originCompany} made it public and alone may make it private. */
public record ProjectMadePublicEvent(String projectId, String originCompany, AuditEntry audit) {
}
