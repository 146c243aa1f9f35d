package io.xstore.api.task;

import java.util.Map;
import io.xstore.api.AuditEntry;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** tasks.set_requirements: replaces script.requirements. */
public record SetTaskRequirementsCommand(@TargetAggregateIdentifier String taskId, Map<String, Object> requirements, AuditEntry audit) {
}
