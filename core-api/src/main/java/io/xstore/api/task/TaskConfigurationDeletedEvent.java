package io.xstore.api.task;

import io.xstore.api.AuditEntry;

import java.util.List;

/** Configuration items removed by name. */
public record TaskConfigurationDeletedEvent(String taskId, List<String> names, AuditEntry audit) {
}
