package io.xstore.api.project;

import io.xstore.api.AuditEntry;

/** The project was merged into another one and no longer exists. */
public record ProjectMergedEvent(String projectId, String destinationProjectId, AuditEntry audit) {
}
