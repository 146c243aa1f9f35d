package io.xstore.server.wiring;

import io.xstore.api.AuditEntry;
import io.xstore.command.CommandErrors;
import io.xstore.protocol.ApiError;
import io.xstore.protocol.ApiException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Sends task commands on behalf of other aggregates' endpoints: a client error comes back as the
 * {@link ApiException} (unwrapped from Axon), an unknown or deleted task as 400/101.
 */
@Component
public class TaskCommands {

    private final CommandGateway gateway;

    public TaskCommands(CommandGateway gateway) {
        this.gateway = gateway;
    }

    public <R> R send(String taskId, Object command, AuditEntry audit) {
        try {
            return gateway.sendAndWait(command);
        } catch (RuntimeException e) {
            throw translate(e, taskId, audit);
        }
    }

    static boolean isInvalidTaskId(ApiException e) {
        return e.code() == ApiError.INVALID_TASK_ID.code() && e.subcode() == ApiError.INVALID_TASK_ID.subcode();
    }

    private static RuntimeException translate(RuntimeException thrown, String taskId, AuditEntry audit) {
        ApiException api = CommandErrors.apiError(thrown);
        if (api != null) {
            return api;
        }
        return CommandErrors.notFound(thrown) == null ? thrown
                : ApiError.INVALID_TASK_ID.toException(Map.of("id", taskId, "company", audit.companyId()));
    }
}
