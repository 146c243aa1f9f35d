package io.xstore.api.project;

import io.xstore.api.AuditEntry;

import java.util.List;

/** The project's system tags are now {@code systemTags}. */
public record ProjectSystemTagsChangedEvent(String projectId, List<String> systemTags, AuditEntry audit) {
}
