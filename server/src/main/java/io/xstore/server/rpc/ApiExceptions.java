package io.xstore.server.rpc;

import io.xstore.protocol.ApiError;
import io.xstore.protocol.ApiException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;

import java.util.Map;

/** Finds the client-facing error inside whatever the command or query bus wrapped it in. */
final class ApiExceptions {

    private ApiExceptions() {
    }

    static ApiException find(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof ApiException api) {
                return api;
            }
            if (t instanceof CommandExecutionException execution) {
                Object details = execution.getDetails().orElse(null);
                if (details instanceof ApiException api) {
                    return api;
                }
            }
            if (t instanceof AggregateNotFoundException notFound) {
                return ApiError.INVALID_ID.toException(Map.of("id", String.valueOf(notFound.getAggregateIdentifier())));
            }
            if (t instanceof ConcurrencyException) {
                return ApiError.FAILED_CHANGING_TASK_STATUS.toException("concurrent modification, retry");
            }
            if (t == t.getCause()) {
                break;
            }
        }
        return null;
    }
}
