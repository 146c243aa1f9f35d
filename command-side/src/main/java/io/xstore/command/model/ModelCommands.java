package io.xstore.command.model;

import io.xstore.protocol.ApiError;
import io.xstore.protocol.ApiException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.stereotype.Component;

import java.util.Map;

/** Sends model commands; an unknown (or deleted) model id becomes ClearML's 400/201. */
@Component
public class ModelCommands {

    private final CommandGateway commands;

    public ModelCommands(CommandGateway commands) {
        this.commands = commands;
    }

    public <R> R send(String modelId, Object command) {
        try {
            return commands.sendAndWait(command);
        } catch (RuntimeException e) {
            if (notFound(e)) {
                throw invalidId(modelId);
            }
            throw e;
        }
    }

    public void create(Object command) {
        commands.sendAndWait(command);
    }

    private static boolean notFound(Throwable error) {
        for (Throwable t = error; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof AggregateNotFoundException) {
                return true;
            }
        }
        return false;
    }

    static ApiException invalidId(String modelId) {
        return ApiError.INVALID_MODEL_ID.toException(Map.of("id", String.valueOf(modelId)));
    }

    /** The ClearML error carried by an exception from a command (itself, a cause, or the details), else null. */
    static ApiException apiError(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof ApiException api) {
                return api;
            }
            if (t instanceof CommandExecutionException execution
                    && execution.getDetails().orElse(null) instanceof ApiException api) {
                return api;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
