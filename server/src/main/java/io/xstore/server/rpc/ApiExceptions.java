package io.xstore.server.rpc;

import io.xstore.command.CommandErrors;
import io.xstore.protocol.ApiError;
import io.xstore.protocol.ApiException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;

import java.util.Map;

/** Finds the client-facing error inside whatever the command or query bus wrapped it in. */
final class ApiExceptions {

    private ApiExceptions() {
    }

    static ApiException find(Throwable thrown) {
        ApiException api = CommandErrors.apiError(thrown);
        if (api != null) {
            return api;
        }
        AggregateNotFoundException notFound = CommandErrors.notFound(thrown);
        if (notFound != null) {
            return ApiError.INVALID_ID.toException(Map.of("id", String.valueOf(notFound.getAggregateIdentifier())));
        }
        for (Throwable t = thrown; t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof ConcurrencyException) {
                return ApiError.FAILED_CHANGING_TASK_STATUS.toException("concurrent modification, retry");
            }
        }
        return null;
    }
}
