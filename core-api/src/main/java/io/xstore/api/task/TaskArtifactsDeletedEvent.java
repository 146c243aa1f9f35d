package io.xstore.api.task;

import io.xstore.api.AuditEntry;

import java.util.List;

/** Artifacts removed by (key, mode). */
public record TaskArtifactsDeletedEvent(String taskId, List<ArtifactKey> artifacts, AuditEntry audit) {
}
