package io.xstore.command.user;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xstore.api.user.DeleteUserCommand;
import io.xstore.api.user.SetUserPreferencesCommand;
import io.xstore.command.CommandErrors;
import io.xstore.api.user.UpdateUserCommand;
import io.xstore.protocol.ApiEndpoint;
import io.xstore.protocol.ApiError;
import io.xstore.protocol.CallContext;
import io.xstore.protocol.Fields;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/** The writing endpoints of the ClearML {@code users} service. */
@Component
public class UsersWriteEndpoints {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CommandGateway commands;

    public UsersWriteEndpoints(CommandGateway commands) {
        this.commands = commands;
    }

    @ApiEndpoint(value = "users.update", since = "2.1")
    public Object update(CallContext ctx) {
        String userId = Fields.optString(ctx.body(), "user");
        if (userId == null) {
            userId = ctx.caller().userId();
        } else if (!userId.equals(ctx.caller().userId()) && !ctx.caller().isAdmin()) {
            throw ApiError.INVALID_USER_ID.toException("only admins may update other users", Map.of("id", userId));
        }
        UpdateUserCommand command = new UpdateUserCommand(userId, Fields.optString(ctx.body(), "name"),
                Fields.optString(ctx.body(), "given_name"), Fields.optString(ctx.body(), "family_name"),
                Fields.optString(ctx.body(), "avatar"), ctx.audit());
        commands.sendAndWait(command);
        Map<String, Object> fields = new LinkedHashMap<>();
        ctx.body().fields().forEachRemaining(e -> {
            if (!e.getKey().equals("user")) {
                fields.put(e.getKey(), e.getValue());
            }
        });
        return Map.of("updated", fields.isEmpty() ? 0 : 1, "fields", fields);
    }

    /**
     * Admins only (403/20 otherwise); the caller cannot delete themself (400/12); an unknown user is 400/301. The
     * user's credentials are revoked with them (docs/api/behaviour-rules.md §8).
     */
    @ApiEndpoint(value = "users.delete", since = "2.1")
    public Object delete(CallContext ctx) {
        String userId = Fields.requireString(ctx.body(), "user");
        if (!ctx.caller().isAdmin()) {
            throw ApiError.ROLE_NOT_ALLOWED.toException("only admins may delete users", Map.of("id", userId));
        }
        if (userId.equals(ctx.caller().userId())) {
            throw ApiError.VALIDATION_ERROR.toException("a user cannot delete themself", Map.of("id", userId));
        }
        try {
            commands.sendAndWait(new DeleteUserCommand(userId, ctx.company(), ctx.audit()));
        } catch (RuntimeException e) {
            if (CommandErrors.notFound(e) != null) {
                throw ApiError.INVALID_USER_ID.toException(Map.of("id", userId));
            }
            throw e;
        }
        return Map.of("deleted", 1);
    }

    @ApiEndpoint(value = "users.set_preferences", since = "2.1")
    public Object setPreferences(CallContext ctx) {
        ObjectNode preferences = Fields.optObject(ctx.body(), "preferences");
        if (preferences == null) {
            throw ApiError.VALIDATION_ERROR.toException("field is required", Map.of("field", "preferences"));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> values = JSON.convertValue(preferences, Map.class);
        commands.sendAndWait(new SetUserPreferencesCommand(ctx.caller().userId(), values, ctx.audit()));
        return Map.of("updated", 1, "fields", values);
    }
}
