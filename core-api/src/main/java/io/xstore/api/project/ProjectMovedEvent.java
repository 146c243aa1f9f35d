package io.xstore.api.project;

import io.xstore.api.AuditEntry;

import java.util.List;

/** The project's full name, and so possibly its parent and ancestor path, changed. */
public record ProjectMovedEvent(String projectId, String name, String basename, String parent, List<String> path,
                                AuditEntry audit) {
}
