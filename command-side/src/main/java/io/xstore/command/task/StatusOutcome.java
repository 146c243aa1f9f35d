package io.xstore.command.task;

import io.xstore.api.task.TaskStatusEvent;

import java.util.List;

/**
 * What a status command did: the status changes in order (completed + publish gives two) and the task's last
 * output model (published along with the task by tasks.publish / completed with publish).
 */
public record StatusOutcome(List<TaskStatusEvent> changes, String lastOutputModel) {

    public TaskStatusEvent first() {
        return changes.get(0);
    }

    public boolean published() {
        return changes.stream().anyMatch(c -> c.to() == io.xstore.api.task.TaskStatus.PUBLISHED);
    }
}
