package io.xstore.api.task;

import java.util.List;
import io.xstore.api.AuditEntry;

/** Configuration items removed by name. */
public record TaskConfigurationDeletedEvent(String taskId, List<String> names, AuditEntry audit) {
}
