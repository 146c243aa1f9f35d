package io.xstore.command.model;

import io.xstore.command.CommandErrors;
import io.xstore.protocol.ApiError;
import io.xstore.protocol.ApiException;
import org.axonframework.commandhandling.gateway.CommandGateway;
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
            if (CommandErrors.notFound(e) != null) {
                throw invalidId(modelId);
            }
            throw e;
        }
    }

    public void create(Object command) {
        commands.sendAndWait(command);
    }

    private static ApiException invalidId(String modelId) {
        return ApiError.INVALID_MODEL_ID.toException(Map.of("id", String.valueOf(modelId)));
    }
}
