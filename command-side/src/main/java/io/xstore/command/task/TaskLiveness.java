package io.xstore.command.task;

/**
 * Whether a live worker runs a task (it has a last_worker and reported within the last 600 s), so that tasks.stop
 * only asks it to stop ("stopping") instead of setting the status. The read side provides the implementation;
 * without one every stop request stops the task at once.
 */
public interface TaskLiveness {

    boolean hasLiveWorker(String taskId, String company);
}
