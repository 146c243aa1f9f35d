package io.xstore.api.task;

import io.xstore.api.AuditEntry;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The task's parent becomes {@code __DELETED__<deletedParentId>}, the form a child keeps once its parent is deleted
 * (docs/api/behaviour-rules.md §4). Sent by an import of a task whose parent was deleted on the source; a delete here
 * does the same inside its own command.
 */
public record ReparentUnderDeletedTaskCommand(@TargetAggregateIdentifier String taskId, String deletedParentId,
                                              AuditEntry audit) {
}
