package io.xstore.api.task;

import io.xstore.api.AuditEntry;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;
import java.util.Map;

/** tasks.clone: creates task {@code taskId} from {@code sourceTaskId}; every null override keeps the source's value. */
public record CloneTaskCommand(@TargetAggregateIdentifier String taskId, String sourceTaskId, String name,
                               String comment, List<String> tags, List<String> systemTags, String parent,
                               String project, Map<String, Object> hyperparams, Map<String, Object> configuration,
                               Map<String, Object> container, List<TaskModelEntry> inputModels,
                               Map<String, Object> executionOverrides, boolean validateReferences, AuditEntry audit) {
}
