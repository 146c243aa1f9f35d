package io.xstore.api.project;

import io.xstore.api.AuditEntry;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** Changes the plain fields of a project; a null field is left unchanged. Renames use {@link MoveProjectCommand}. */
public record UpdateProjectCommand(@TargetAggregateIdentifier String projectId, String company, String description,
                                   List<String> tags, List<String> systemTags, String defaultOutputDestination,
                                   AuditEntry audit) {
}
