package io.xstore.api.task;

import io.xstore.api.AuditEntry;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** tasks.add_or_update_model: upserts the entry called name in models.&lt;type&gt;; iteration raises last_iteration. */
public record AddOrUpdateTaskModelCommand(@TargetAggregateIdentifier String taskId, String type, String name,
                                          String model, Integer iteration, AuditEntry audit) {
}
