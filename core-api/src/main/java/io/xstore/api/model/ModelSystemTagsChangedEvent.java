package io.xstore.api.model;

import io.xstore.api.AuditEntry;

import java.util.List;

/** The model's system tags are now {@code systemTags}. */
public record ModelSystemTagsChangedEvent(String modelId, List<String> systemTags, AuditEntry audit) {
}
