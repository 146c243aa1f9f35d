package io.xstore.command.task;

import io.xstore.api.task.TaskStatus;
import io.xstore.protocol.ApiError;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static io.xstore.api.task.TaskStatus.CLOSED;
import static io.xstore.api.task.TaskStatus.COMPLETED;
import static io.xstore.api.task.TaskStatus.CREATED;
import static io.xstore.api.task.TaskStatus.FAILED;
import static io.xstore.api.task.TaskStatus.IN_PROGRESS;
import static io.xstore.api.task.TaskStatus.PUBLISHED;
import static io.xstore.api.task.TaskStatus.PUBLISHING;
import static io.xstore.api.task.TaskStatus.QUEUED;
import static io.xstore.api.task.TaskStatus.STOPPED;

/**
 * The transitions allowed without {@code force} (docs/api/tasks.md, Statuses); staying in the same status is always
 * allowed.
 */
final class TaskStatusMachine {

    private static final Map<TaskStatus, Set<TaskStatus>> ALLOWED = new EnumMap<>(TaskStatus.class);

    static {
        ALLOWED.put(CREATED, EnumSet.of(QUEUED, IN_PROGRESS));
        ALLOWED.put(QUEUED, EnumSet.of(CREATED, IN_PROGRESS, STOPPED));
        ALLOWED.put(IN_PROGRESS, EnumSet.of(CREATED, STOPPED, FAILED, COMPLETED));
        ALLOWED.put(STOPPED, EnumSet.of(CREATED, QUEUED, IN_PROGRESS, FAILED, COMPLETED, CLOSED, PUBLISHING,
                PUBLISHED));
        ALLOWED.put(CLOSED, EnumSet.of(CREATED, STOPPED, FAILED, PUBLISHING, PUBLISHED));
        ALLOWED.put(FAILED, EnumSet.of(CREATED, QUEUED, STOPPED, PUBLISHED));
        ALLOWED.put(COMPLETED, EnumSet.of(CREATED, IN_PROGRESS, PUBLISHED));
        ALLOWED.put(PUBLISHING, EnumSet.of(PUBLISHED));
        ALLOWED.put(PUBLISHED, EnumSet.noneOf(TaskStatus.class));
        // UNKNOWN is outside the state machine: only a forced change leaves it.
    }

    private TaskStatusMachine() {
    }

    static boolean allows(TaskStatus from, TaskStatus to) {
        if (from == TaskStatus.UNKNOWN) {
            return false;
        }
        return from == to || ALLOWED.get(from).contains(to);
    }

    static void check(TaskStatus from, TaskStatus to) {
        if (!allows(from, to)) {
            throw ApiError.INVALID_TASK_STATUS.toException("Invalid status change",
                    TaskErrors.data("current_status", from.wire(), "new_status", to.wire()));
        }
    }
}
