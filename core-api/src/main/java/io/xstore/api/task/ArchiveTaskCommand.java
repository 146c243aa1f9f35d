package io.xstore.api.task;

import io.xstore.api.AuditEntry;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * tasks.archive / archive_many: adds the system tag archived (queued tasks go back to created, running ones to
 * stopped).
 */
public record ArchiveTaskCommand(@TargetAggregateIdentifier String taskId, String statusReason, String statusMessage,
                                 AuditEntry audit) {
}
