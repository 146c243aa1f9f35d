package io.xstore.api.task;

import java.util.Map;
import io.xstore.api.AuditEntry;

/** script.requirements replaced. */
public record TaskRequirementsSetEvent(String taskId, Map<String, Object> requirements, AuditEntry audit) {
}
