package io.xstore.api.task;

import io.xstore.api.AuditEntry;

import java.util.List;
import java.util.Map;

/** Artifacts upserted by (key, mode); each item as sent, with mode filled in. */
public record TaskArtifactsAddedOrUpdatedEvent(String taskId, List<Map<String, Object>> artifacts, AuditEntry audit) {
}
