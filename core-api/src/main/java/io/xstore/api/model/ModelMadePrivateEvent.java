package io.xstore.api.model;

import io.xstore.api.AuditEntry;

/** The public model belongs to {@code company} again (the company that made it public). */
public record ModelMadePrivateEvent(String modelId, String company, AuditEntry audit) {
}
