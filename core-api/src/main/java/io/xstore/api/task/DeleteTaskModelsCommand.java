package io.xstore.api.task;

import java.util.List;
import io.xstore.api.AuditEntry;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** tasks.delete_models. */
public record DeleteTaskModelsCommand(@TargetAggregateIdentifier String taskId, List<TaskModelRef> models, AuditEntry audit) {
}
