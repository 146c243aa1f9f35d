package io.xstore.command.queue;

import io.xstore.api.queue.AddTaskToQueueCommand;
import io.xstore.api.queue.RemoveTaskFromQueuesCommand;
import io.xstore.api.task.DequeueTaskCommand;
import io.xstore.api.task.EnqueueTaskCommand;
import io.xstore.api.task.TaskDequeuedEvent;
import io.xstore.command.task.TaskAggregate;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;

import java.util.List;

/**
 * The commands that change a task and a queue together (docs/api/queues.md, "tasks.enqueue / tasks.dequeue"): both
 * aggregates are loaded in one unit of work, so the task's status event and the queue's entry event are stored
 * together or not at all, with the same call id. The task is always locked before the queue. It is the one way a task
 * goes into or out of a queue other than a worker popping it (queues.get_next_task) or a queue-wide change (clear,
 * delete), which the queue aggregate handles alone.
 */
public class TaskQueueCoordinator {

    private final Repository<TaskAggregate> tasks;
    private final Repository<QueueAggregate> queues;

    public TaskQueueCoordinator(Repository<TaskAggregate> tasks, Repository<QueueAggregate> queues) {
        this.tasks = tasks;
        this.queues = queues;
    }

    /**
     * Answers the queue the task left (another queue it was waiting in), or null. When the task moves between two
     * queues they are loaded (locked) in the order of their ids, so two moves in opposite directions cannot deadlock.
     */
    @CommandHandler
    public String handle(EnqueueTaskCommand command) {
        Aggregate<TaskAggregate> task = tasks.load(command.taskId());
        String current = task.invoke(TaskAggregate::queue);
        String old = current != null && !current.equals(command.queueId()) ? current : null;
        Aggregate<QueueAggregate> oldQueue = null;
        Aggregate<QueueAggregate> queue;
        if (old != null && old.compareTo(command.queueId()) < 0) {
            oldQueue = optionalQueue(old);
            queue = queue(command.queueId());
        } else {
            queue = queue(command.queueId());
            oldQueue = old == null ? null : optionalQueue(old);
        }
        queue.execute(q -> q.assertOwnedBy(command.audit()));
        String previous = task.invoke(t -> t.enqueue(command.queueId(), command.statusReason(),
                command.statusMessage(), command.audit()));
        if (oldQueue != null) {
            oldQueue.execute(q -> q.removeEntry(command.taskId(), true, command.audit()));
        }
        queue.execute(q -> q.addEntry(command.taskId(), command.audit()));
        return previous;
    }

    /** A queue that may have been deleted meanwhile (then null: nothing to take the task out of). */
    private Aggregate<QueueAggregate> optionalQueue(String queueId) {
        try {
            return queues.load(queueId);
        } catch (AggregateNotFoundException e) {
            return null;
        }
    }

    @CommandHandler
    public TaskDequeuedEvent handle(DequeueTaskCommand command) {
        Aggregate<TaskAggregate> task = tasks.load(command.taskId());
        TaskDequeuedEvent dequeued = task.invoke(t -> t.dequeue(command.newStatus(), command.statusReason(),
                command.statusMessage(), command.audit()));
        if (dequeued != null && dequeued.queueId() != null) {
            try {
                queues.load(dequeued.queueId())
                        .execute(q -> q.removeEntry(command.taskId(), true, command.audit()));
            } catch (AggregateNotFoundException e) {
                // the queue was deleted (queues.delete with force reverts its tasks after deleting it)
            }
        }
        return dequeued;
    }

    /** queues.add_task: the task must be the caller's (400/101); its status is not changed. */
    @CommandHandler
    public void handle(AddTaskToQueueCommand command) {
        Aggregate<TaskAggregate> task = tasks.load(command.taskId());
        task.execute(t -> t.assertOwnedBy(command.audit()));
        Aggregate<QueueAggregate> queue = queue(command.queueId());
        queue.execute(q -> q.addEntry(command.taskId(), command.audit()));
        if (command.updateExecutionQueue()) {
            task.execute(t -> t.setExecutionQueue(command.queueId(), command.audit()));
        }
    }

    /** Takes the task out of each queue that still holds it; the queues are locked in the order of their ids. */
    @CommandHandler
    public int handle(RemoveTaskFromQueuesCommand command) {
        int removed = 0;
        for (String queueId : command.queueIds().stream().distinct().sorted().toList()) {
            Aggregate<QueueAggregate> queue = optionalQueue(queueId);
            if (queue != null && queue.invoke(q -> q.removeEntry(command.taskId(), true, command.audit()))) {
                removed++;
            }
        }
        return removed;
    }

    private Aggregate<QueueAggregate> queue(String queueId) {
        try {
            return queues.load(queueId);
        } catch (AggregateNotFoundException e) {
            throw QueueErrors.invalidQueueId(queueId);
        }
    }
}
