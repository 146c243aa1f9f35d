package io.xstore.api.task;

import io.xstore.api.AuditEntry;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** tasks.delete_artifacts. */
public record DeleteTaskArtifactsCommand(@TargetAggregateIdentifier String taskId, List<ArtifactKey> artifacts,
                                         boolean force, AuditEntry audit) {
}
