package io.xstore.command.queue;

import io.xstore.api.AuditEntry;
import io.xstore.api.queue.RemoveTaskFromQueuesCommand;
import io.xstore.command.task.TaskQueueExit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Removes a task that stopped waiting (stopped, reset, archived, deleted) from the queues that still hold it, through
 * {@link TaskQueueCoordinator} like every other move of a task in or out of a queue.
 */
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
        List<String> queues = directory.queuesContaining(taskId, audit.companyId());
        if (!queues.isEmpty()) {
            gateway.sendAndWait(new RemoveTaskFromQueuesCommand(taskId, queues, audit));
        }
    }
}
