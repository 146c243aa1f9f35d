package io.xstore.api.project;

import io.xstore.api.AuditEntry;

import java.util.List;

/** Plain fields of a project changed; null fields are unchanged. */
public record ProjectUpdatedEvent(String projectId, String description, List<String> tags, List<String> systemTags,
                                  String defaultOutputDestination, AuditEntry audit) {
}
