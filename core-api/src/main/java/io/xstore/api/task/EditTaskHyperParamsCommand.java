package io.xstore.api.task;

import io.xstore.api.AuditEntry;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;
import java.util.Map;

/** tasks.edit_hyper_params: items {section, name, value, type?, description?}; replace is none, section or all. */
public record EditTaskHyperParamsCommand(@TargetAggregateIdentifier String taskId,
                                         List<Map<String, Object>> hyperparams, String replace, boolean force,
                                         AuditEntry audit) {
}
