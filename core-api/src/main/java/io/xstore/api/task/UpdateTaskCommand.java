package io.xstore.api.task;

import io.xstore.api.AuditEntry;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** tasks.update / update_batch: user-settable fields only, in any status; nulls are not provided. */
public record UpdateTaskCommand(@TargetAggregateIdentifier String taskId, String name, String comment,
                                List<String> tags, List<String> systemTags, String project, String statusMessage,
                                String outputError, AuditEntry audit) {
}
