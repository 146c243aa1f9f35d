package io.xstore.api.project;

import io.xstore.api.AuditEntry;

import java.util.List;

/** A project exists; {@code name} is its full path, {@code path} its ancestor ids (root first). */
public record ProjectCreatedEvent(String projectId, String company, String name, String basename, String parent,
                                  List<String> path, String description, List<String> tags, List<String> systemTags,
                                  String defaultOutputDestination, AuditEntry audit) {
}
