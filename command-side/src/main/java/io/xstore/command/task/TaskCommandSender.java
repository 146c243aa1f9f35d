package io.xstore.command.task;

import io.xstore.protocol.ApiException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Sends task commands and turns what comes back into client errors: an {@link ApiException} thrown by a handler
 * (possibly wrapped by Axon), or an unknown / deleted task → 400/101 "Invalid task id".
 */
final class TaskCommandSender {

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
     * Runs {@code operation} for each id independently (protocol.md §6.8): results go to {@code succeeded} with
     * the id first, client errors to {@code failed}.
     */
    Map<String, Object> batch(List<String> ids, Function<String, Map<String, Object>> operation) {
        List<Map<String, Object>> succeeded = new ArrayList<>();
        List<Map<String, Object>> failed = new ArrayList<>();
        for (String id : ids) {
            try {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("id", id);
                item.putAll(operation.apply(id));
                succeeded.add(item);
            } catch (ApiException e) {
                Map<String, Object> error = new LinkedHashMap<>();
                error.put("codes", List.of(e.code(), e.subcode()));
                error.put("msg", e.getMessage());
                error.put("data", e.data());
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("id", id);
                item.put("error", error);
                failed.add(item);
            }
        }
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("succeeded", succeeded);
        response.put("failed", failed);
        return response;
    }

    static RuntimeException translate(RuntimeException thrown, String company) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ApiException api) {
                return api;
            }
            if (t instanceof CommandExecutionException execution
                    && execution.getDetails().orElse(null) instanceof ApiException api) {
                return api;
            }
            if (t instanceof AggregateNotFoundException notFound) {
                return TaskErrors.invalidTaskId(String.valueOf(notFound.getAggregateIdentifier()), company);
            }
        }
        return thrown;
    }
}
