package io.xstore.api.task;

import io.xstore.api.AuditEntry;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** tasks.delete_models. */
public record DeleteTaskModelsCommand(@TargetAggregateIdentifier String taskId, List<TaskModelRef> models,
                                      AuditEntry audit) {
}
