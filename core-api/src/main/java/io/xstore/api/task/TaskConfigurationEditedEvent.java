package io.xstore.api.task;

import io.xstore.api.AuditEntry;

import java.util.List;
import java.util.Map;

/** Configuration items upserted by name; with replace they are the whole configuration. */
public record TaskConfigurationEditedEvent(String taskId, List<Map<String, Object>> configuration, boolean replace,
                                           AuditEntry audit) {
}
