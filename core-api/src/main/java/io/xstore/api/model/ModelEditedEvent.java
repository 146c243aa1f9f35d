package io.xstore.api.model;

import io.xstore.api.AuditEntry;
import io.xstore.api.EventRevision;

/**
 * Fields of a model changed; null fields are unchanged. Name, comment, tags, system tags and project are never in it:
 * they have their own events ({@link ModelRenamedEvent}, {@link ModelCommentChangedEvent},
 * {@link ModelTagsUpdatedEvent}, {@link ModelSystemTagsChangedEvent}, {@link ModelMovedEvent}).
 * <p>
 * Revision 2: revision 1 carried those fields too; its stored events are split into the intent events on read.
 */
@EventRevision(2)
public record ModelEditedEvent(String modelId, ModelFields fields, AuditEntry audit) {
}
