package io.xstore.command.queue;

import io.xstore.api.task.DequeueTaskCommand;
import io.xstore.api.task.EnqueueTaskCommand;
import io.xstore.api.task.TaskDequeuedEvent;
import io.xstore.command.task.TaskAggregate;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;

/**
 * The commands that change a task and a queue together (docs/api/queues.md, "tasks.enqueue / tasks.dequeue"): both
 * aggregates are loaded in one unit of work, so the task's status event and the queue's entry event are stored
 * together or not at all, with the same call id. The task is always locked before the queue.
 */
public class TaskQueueCoordinator {

    private final Repository<TaskAggregate> tasks;
    private final Repository<QueueAggregate> queues;

    public TaskQueueCoordinator(Repository<TaskAggregate> tasks, Repository<QueueAggregate> queues) {
        this.tasks = tasks;
        this.queues = queues;
    }

    /** Answers the queue the task left (another queue it was waiting in), or null. */
    @CommandHandler
    public String handle(EnqueueTaskCommand command) {
        Aggregate<TaskAggregate> task = tasks.load(command.taskId());
        Aggregate<QueueAggregate> queue = queue(command.queueId());
        queue.execute(q -> q.assertOwnedBy(command.audit()));
        String previous = task.invoke(t -> t.enqueue(command.queueId(), command.statusReason(),
                command.statusMessage(), command.audit()));
        if (previous != null) {
            try {
                queues.load(previous).execute(q -> q.removeEntry(command.taskId(), true, command.audit()));
            } catch (AggregateNotFoundException e) {
                // the old queue was deleted meanwhile: nothing to take the task out of
            }
        }
        queue.execute(q -> q.addEntry(command.taskId(), command.audit()));
        return previous;
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

    private Aggregate<QueueAggregate> queue(String queueId) {
        try {
            return queues.load(queueId);
        } catch (AggregateNotFoundException e) {
            throw QueueErrors.invalidQueueId(queueId);
        }
    }
}
