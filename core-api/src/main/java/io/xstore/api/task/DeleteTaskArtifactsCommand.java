package io.xstore.api.task;

import java.util.List;
import io.xstore.api.AuditEntry;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** tasks.delete_artifacts. */
public record DeleteTaskArtifactsCommand(@TargetAggregateIdentifier String taskId, List<ArtifactKey> artifacts, boolean force, AuditEntry audit) {
}
