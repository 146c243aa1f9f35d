package io.xstore.api.task;

import io.xstore.api.AuditEntry;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** tasks.delete_configuration: removes the named configuration items. */
public record DeleteTaskConfigurationCommand(@TargetAggregateIdentifier String taskId, List<String> names,
                                             boolean force, AuditEntry audit) {
}
