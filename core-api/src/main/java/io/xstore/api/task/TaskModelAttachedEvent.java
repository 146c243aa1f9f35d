package io.xstore.api.task;

import io.xstore.api.AuditEntry;

/**
 * The entry {@code entry.name} of models.&lt;type&gt; was added or replaced; iteration (if any) raises
 * last_iteration.
 */
public record TaskModelAttachedEvent(String taskId, String type, TaskModelEntry entry, Integer iteration,
                                     AuditEntry audit) {
}
