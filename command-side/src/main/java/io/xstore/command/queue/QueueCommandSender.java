package io.xstore.command.queue;

import io.xstore.command.CommandErrors;
import io.xstore.command.task.TaskCommandSender;
import org.axonframework.commandhandling.gateway.CommandGateway;

/** Sends queue and task commands; an unknown or deleted aggregate becomes 400/701 (queue) or 400/101 (task). */
final class QueueCommandSender {

    private final CommandGateway gateway;

    QueueCommandSender(CommandGateway gateway) {
        this.gateway = gateway;
    }

    <R> R toQueue(Object command) {
        try {
            return gateway.sendAndWait(command);
        } catch (RuntimeException e) {
            throw CommandErrors.translate(e, QueueErrors::invalidQueueId);
        }
    }

    <R> R toTask(Object command, String company) {
        try {
            return gateway.sendAndWait(command);
        } catch (RuntimeException e) {
            throw TaskCommandSender.translate(e, company);
        }
    }
}
