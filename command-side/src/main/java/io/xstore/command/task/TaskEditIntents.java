package io.xstore.command.task;

import io.xstore.api.AuditEntry;
import io.xstore.api.task.TaskCommentChangedEvent;
import io.xstore.api.task.TaskConfigurationReplacedEvent;
import io.xstore.api.task.TaskContent;
import io.xstore.api.task.TaskEditedEvent;
import io.xstore.api.task.TaskHyperParamsReplacedEvent;
import io.xstore.api.task.TaskMovedEvent;
import io.xstore.api.task.TaskRenamedEvent;
import io.xstore.api.task.TaskSystemTagsChangedEvent;
import io.xstore.api.task.TaskTagsChangedEvent;

import java.util.ArrayList;
import java.util.List;

/**
 * An edit's changes as one event per intent: renamed, comment, tags, system tags, moved, hyperparameters and
 * configuration replaced, then the rest.
 */
final class TaskEditIntents {

    private TaskEditIntents() {
    }

    static List<Object> events(String taskId, TaskContent changes, AuditEntry audit) {
        List<Object> events = new ArrayList<>();
        if (changes.name() != null) {
            events.add(new TaskRenamedEvent(taskId, changes.name(), audit));
        }
        if (changes.comment() != null) {
            events.add(new TaskCommentChangedEvent(taskId, changes.comment(), audit));
        }
        if (changes.tags() != null) {
            events.add(new TaskTagsChangedEvent(taskId, changes.tags(), audit));
        }
        if (changes.systemTags() != null) {
            events.add(new TaskSystemTagsChangedEvent(taskId, changes.systemTags(), audit));
        }
        if (changes.project() != null) {
            events.add(new TaskMovedEvent(taskId, changes.project(), audit));
        }
        if (changes.hyperparams() != null) {
            events.add(new TaskHyperParamsReplacedEvent(taskId, changes.hyperparams(), audit));
        }
        if (changes.configuration() != null) {
            events.add(new TaskConfigurationReplacedEvent(taskId, changes.configuration(), audit));
        }
        TaskContent rest = changes.withName(null).withComment(null).withTags(null).withSystemTags(null)
                .withProject(null).withHyperparams(null).withConfiguration(null);
        if (!rest.changesNothing()) {
            events.add(new TaskEditedEvent(taskId, rest, audit));
        }
        return events;
    }
}
