package io.xstore.api.model;

import io.xstore.api.AuditEntry;

/**
 * models.delete / delete_many (docs/api/behaviour-rules.md §6): the model's creating task and the tasks using it as
 * input are updated with it; a published creating task (400/206) or an input use (400/205) refuses it unless
 * {@code force}. Then the model is deleted as {@link DeleteModelCommand} would.
 */
public record DeleteModelWithLinksCommand(String modelId, String company, boolean force, AuditEntry audit) {
}
