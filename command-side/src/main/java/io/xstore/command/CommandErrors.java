package io.xstore.command;

import io.xstore.protocol.ApiException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;

import java.util.function.Function;

/** Looks through what the command gateway threw: Axon may pass a handler's error on as is, as a cause, or as details. */
public final class CommandErrors {

    private CommandErrors() {
    }

    /** The ClearML error carried by an exception from a command (itself, a cause, or the details), else null. */
    public static ApiException apiError(Throwable error) {
        for (Throwable t = error; t != null; t = cause(t)) {
            if (t instanceof ApiException api) {
                return api;
            }
            if (t instanceof CommandExecutionException execution
                    && execution.getDetails().orElse(null) instanceof ApiException api) {
                return api;
            }
        }
        return null;
    }

    /** The "aggregate not found" (unknown or deleted id) among the exception and its causes, else null. */
    public static AggregateNotFoundException notFound(Throwable error) {
        for (Throwable t = error; t != null; t = cause(t)) {
            if (t instanceof AggregateNotFoundException notFound) {
                return notFound;
            }
        }
        return null;
    }

    /**
     * What a client is told about an exception from a command: the ClearML error it carries; for an unknown or
     * deleted aggregate, {@code invalidId} of its id; anything else as it is.
     */
    public static RuntimeException translate(RuntimeException thrown, Function<String, ApiException> invalidId) {
        ApiException api = apiError(thrown);
        if (api != null) {
            return api;
        }
        AggregateNotFoundException notFound = notFound(thrown);
        return notFound == null ? thrown : invalidId.apply(String.valueOf(notFound.getAggregateIdentifier()));
    }

    private static Throwable cause(Throwable t) {
        return t.getCause() == t ? null : t.getCause();
    }
}
