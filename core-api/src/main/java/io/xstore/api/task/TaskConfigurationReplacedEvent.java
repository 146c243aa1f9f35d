package io.xstore.api.task;

import io.xstore.api.AuditEntry;

import java.util.Map;

/** All configuration items of the task were replaced by {@code configuration} (name → item), by an edit. */
public record TaskConfigurationReplacedEvent(String taskId, Map<String, Object> configuration, AuditEntry audit) {
}
