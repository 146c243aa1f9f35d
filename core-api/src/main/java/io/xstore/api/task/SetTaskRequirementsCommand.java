package io.xstore.api.task;

import io.xstore.api.AuditEntry;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Map;

/** tasks.set_requirements: replaces script.requirements. */
public record SetTaskRequirementsCommand(@TargetAggregateIdentifier String taskId, Map<String, Object> requirements,
                                         AuditEntry audit) {
}
