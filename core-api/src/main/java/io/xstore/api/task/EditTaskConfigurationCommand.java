package io.xstore.api.task;

import io.xstore.api.AuditEntry;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;
import java.util.Map;

/** tasks.edit_configuration: items {name, value, type?, description?}; replace drops the other items. */
public record EditTaskConfigurationCommand(@TargetAggregateIdentifier String taskId,
                                           List<Map<String, Object>> configuration, boolean replace, boolean force,
                                           AuditEntry audit) {
}
