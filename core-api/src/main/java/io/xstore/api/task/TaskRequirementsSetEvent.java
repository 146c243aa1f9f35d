package io.xstore.api.task;

import io.xstore.api.AuditEntry;

import java.util.Map;

/** script.requirements replaced. */
public record TaskRequirementsSetEvent(String taskId, Map<String, Object> requirements, AuditEntry audit) {
}
