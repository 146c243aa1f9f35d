package io.xstore.api.project;

import io.xstore.api.AuditEntry;

/** The project no longer exists. */
public record ProjectDeletedEvent(String projectId, AuditEntry audit) {
}
