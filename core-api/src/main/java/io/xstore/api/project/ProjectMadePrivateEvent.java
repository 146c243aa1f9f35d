package io.xstore.api.project;

import io.xstore.api.AuditEntry;

/** The public project belongs to {@code company} again (the company that made it public). */
public record ProjectMadePrivateEvent(String projectId, String company, AuditEntry audit) {
}
