package io.xstore.command.queue;

import io.xstore.command.CommandErrors;
import io.xstore.protocol.ApiError;
import io.xstore.protocol.ApiException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;

import java.util.Map;

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
            ApiException api = CommandErrors.apiError(e);
            if (api != null) {
                throw api;
            }
            AggregateNotFoundException notFound = CommandErrors.notFound(e);
            if (notFound != null) {
                throw QueueErrors.invalidQueueId(String.valueOf(notFound.getAggregateIdentifier()));
            }
            throw e;
        }
    }

    <R> R toTask(Object command, String company) {
        try {
            return gateway.sendAndWait(command);
        } catch (RuntimeException e) {
            ApiException api = CommandErrors.apiError(e);
            if (api != null) {
                throw api;
            }
            AggregateNotFoundException notFound = CommandErrors.notFound(e);
            if (notFound != null) {
                throw ApiError.INVALID_TASK_ID.toException(Map.of("id",
                        String.valueOf(notFound.getAggregateIdentifier()), "company", company));
            }
            throw e;
        }
    }
}
