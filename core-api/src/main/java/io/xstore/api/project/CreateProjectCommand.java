package io.xstore.api.project;

import io.xstore.api.AuditEntry;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * Creates one project. {@code name} is the cleaned full path ({@code a/b/c}); {@code parent} and {@code path} (the
 * ancestor ids, root first) are resolved by the caller, which creates missing ancestors with their own commands first.
 */
public record CreateProjectCommand(@TargetAggregateIdentifier String projectId, String company, String name,
                                   String parent, List<String> path, String description, List<String> tags,
                                   List<String> systemTags, String defaultOutputDestination, AuditEntry audit) {
}
