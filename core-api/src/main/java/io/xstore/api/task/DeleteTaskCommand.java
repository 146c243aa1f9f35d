package io.xstore.api.task;

import io.xstore.api.AuditEntry;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * tasks.delete / delete_many: only created or archived tasks unless force. With {@code deleteExternalArtifacts}
 * the artifact files on our file server are deleted too.
 */
public record DeleteTaskCommand(@TargetAggregateIdentifier String taskId, boolean force,
                                boolean deleteExternalArtifacts, AuditEntry audit) {
}
