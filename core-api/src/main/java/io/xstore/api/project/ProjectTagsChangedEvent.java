package io.xstore.api.project;

import io.xstore.api.AuditEntry;

import java.util.List;

/** The project's user tags are now {@code tags}. */
public record ProjectTagsChangedEvent(String projectId, List<String> tags, AuditEntry audit) {
}
