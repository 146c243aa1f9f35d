package io.xstore.command.queue;

import io.xstore.api.AuditEntry;
import io.xstore.api.queue.RemoveQueueEntryCommand;
import io.xstore.command.task.TaskQueueExit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

/** Removes a task that stopped waiting (stopped, reset, archived, deleted) from the queues that still hold it. */
@Component
public class QueueExitOnTaskChange implements TaskQueueExit {

    private final CommandGateway gateway;
    private final QueueDirectory directory;

    public QueueExitOnTaskChange(CommandGateway gateway, QueueDirectory directory) {
        this.gateway = gateway;
        this.directory = directory;
    }

    @Override
    public void leaveQueues(String taskId, AuditEntry audit) {
        for (String queue : directory.queuesContaining(taskId, audit.companyId())) {
            try {
                gateway.sendAndWait(new RemoveQueueEntryCommand(queue, taskId, true, audit));
            } catch (RuntimeException e) {
                // the queue was deleted meanwhile
            }
        }
    }
}
