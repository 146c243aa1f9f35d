package io.xstore.api.task;

import io.xstore.api.AuditEntry;

/**
 * A change of a task's status, one record per intent (started, stopped, completed, ...). {@code from} is the status
 * before, {@link #to()} the status after; {@code forced} when the status machine's rules were overridden.
 */
public sealed interface TaskStatusEvent permits TaskStartedEvent, TaskResumedEvent, TaskStopRequestedEvent,
        TaskStoppedEvent, TaskAbortedEvent, TaskCompletedEvent, TaskFailedEvent, TaskClosedEvent, TaskPublishedEvent,
        TaskStatusSetEvent, TaskEnqueuedEvent, TaskDequeuedEvent {

    String taskId();

    TaskStatus from();

    TaskStatus to();

    String statusReason();

    String statusMessage();

    boolean forced();

    AuditEntry audit();

    /** The first start of a run (since creation or reset): the task's {@code started} time is this event's. */
    default boolean startsRun() {
        return false;
    }

    /** The run ended by itself or by its runner: the task's {@code completed} time is this event's. */
    default boolean setsCompleted() {
        return false;
    }

    default boolean setsPublished() {
        return false;
    }

    /** True when the task leaves {@code in_progress}: {@link #activeDuration()} is then the run's length. */
    default boolean endsRun() {
        return from() == TaskStatus.IN_PROGRESS && to() != TaskStatus.IN_PROGRESS;
    }

    /** Seconds from the run's start to this event when {@link #endsRun()}, else 0. */
    default long activeDuration() {
        return 0;
    }
}
