package io.xstore.migration.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * {@code TaskEditedEvent} revision 1 carried every changed field, so a move or a tag change was a generic edit. It
 * becomes the intent events (renamed, comment changed, tags changed, system tags changed, moved, hyperparameters
 * and configuration replaced) and, for what is left, a revision 2 {@code TaskEditedEvent}.
 */
@Component
public final class TaskEditedRevision1Split extends JsonEventSplit {

    private static final String TASK = "io.xstore.api.task.";

    public TaskEditedRevision1Split() {
        super(TASK + "TaskEditedEvent", "1");
    }

    @Override
    protected List<Part> split(ObjectNode payload) {
        return new IntentSplit(payload, "taskId", "changes", TASK)
                .intent("name", "TaskRenamedEvent", "name")
                .intent("comment", "TaskCommentChangedEvent", "comment")
                .intent("tags", "TaskTagsChangedEvent", "tags")
                .intent("systemTags", "TaskSystemTagsChangedEvent", "systemTags")
                .intent("project", "TaskMovedEvent", "project")
                .intent("hyperparams", "TaskHyperParamsReplacedEvent", "hyperparams")
                .intent("configuration", "TaskConfigurationReplacedEvent", "configuration")
                .rest("TaskEditedEvent", "2");
    }
}
