package io.xstore.api.task;

import io.xstore.api.AuditEntry;
import io.xstore.api.EventRevision;

/**
 * Parts of the task's definition changed (script, execution, container, runtime, output, type, parent, ...); only
 * non-null fields of {@code changes} changed (semantics of {@link TaskContent}). Name, comment, project, tags,
 * hyperparameters and configuration are never in it: they have their own events ({@link TaskRenamedEvent},
 * {@link TaskCommentChangedEvent}, {@link TaskMovedEvent}, {@link TaskTagsChangedEvent},
 * {@link TaskSystemTagsChangedEvent}, {@link TaskHyperParamsReplacedEvent}, {@link TaskConfigurationReplacedEvent}).
 * <p>
 * Revision 2: revision 1 carried those fields too; its stored events are split into the intent events on read.
 */
@EventRevision(2)
public record TaskEditedEvent(String taskId, TaskContent changes, AuditEntry audit) {
}
