package io.xstore.api.project;

import io.xstore.api.AuditEntry;

/** Where the project's tasks store their outputs by default changed. */
public record ProjectDefaultOutputDestinationChangedEvent(String projectId, String defaultOutputDestination, AuditEntry audit) {
}
