package io.xstore.api.model;

import io.xstore.api.AuditEntry;

/** The model no longer names a creating task (it was {@code previousTask}, which was reset or deleted). */
public record ModelTaskUnsetEvent(String modelId, String previousTask, AuditEntry audit) {
}
