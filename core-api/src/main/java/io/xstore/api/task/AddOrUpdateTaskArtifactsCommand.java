package io.xstore.api.task;

import io.xstore.api.AuditEntry;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;
import java.util.Map;

/** tasks.add_or_update_artifacts: upserts by (key, mode). */
public record AddOrUpdateTaskArtifactsCommand(@TargetAggregateIdentifier String taskId,
                                              List<Map<String, Object>> artifacts, boolean force, AuditEntry audit) {
}
