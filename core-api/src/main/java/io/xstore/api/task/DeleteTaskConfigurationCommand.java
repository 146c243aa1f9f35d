package io.xstore.api.task;

import java.util.List;
import io.xstore.api.AuditEntry;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** tasks.delete_configuration: removes the named configuration items. */
public record DeleteTaskConfigurationCommand(@TargetAggregateIdentifier String taskId, List<String> names, boolean force, AuditEntry audit) {
}
