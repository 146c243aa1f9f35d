package io.xstore.api.project;

import io.xstore.api.AuditEntry;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * Gives a project a new full name (a rename, a move under another parent, or the consequence of an ancestor's
 * rename). {@code parent} and {@code path} are the resolved new location.
 */
public record MoveProjectCommand(@TargetAggregateIdentifier String projectId, String company, String name,
                                 String parent, List<String> path, AuditEntry audit) {
}
