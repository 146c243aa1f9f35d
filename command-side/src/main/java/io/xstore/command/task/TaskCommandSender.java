package io.xstore.command.task;

import io.xstore.command.BatchResult;
import io.xstore.command.CommandErrors;
import io.xstore.protocol.ApiException;
import org.axonframework.commandhandling.gateway.CommandGateway;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Sends task commands and turns what comes back into client errors: an {@link ApiException} thrown by a handler
 * (possibly wrapped by Axon), or an unknown / deleted task → 400/101 "Invalid task id".
 */
public final class TaskCommandSender {

    private final CommandGateway gateway;

    TaskCommandSender(CommandGateway gateway) {
        this.gateway = gateway;
    }

    <R> R send(Object command, String company) {
        try {
            return gateway.sendAndWait(command);
        } catch (RuntimeException e) {
            throw translate(e, company);
        }
    }

    /**
     * Runs {@code operation} for each id independently (docs/api/README.md): results go to {@code succeeded} with
     * the id first, client errors to {@code failed}. {@link #send} has already unwrapped a handler's error, so
     * only an {@link ApiException} itself counts as one.
     */
    Map<String, Object> batch(List<String> ids, Function<String, Map<String, Object>> operation) {
        return BatchResult.run(ids, operation, e -> e instanceof ApiException api ? api : null);
    }

    public static RuntimeException translate(RuntimeException thrown, String company) {
        return CommandErrors.translate(thrown, id -> TaskErrors.invalidTaskId(id, company));
    }
}
