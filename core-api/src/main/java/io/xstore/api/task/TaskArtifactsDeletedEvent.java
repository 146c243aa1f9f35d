package io.xstore.api.task;

import java.util.List;
import io.xstore.api.AuditEntry;

/** Artifacts removed by (key, mode). */
public record TaskArtifactsDeletedEvent(String taskId, List<ArtifactKey> artifacts, AuditEntry audit) {
}
