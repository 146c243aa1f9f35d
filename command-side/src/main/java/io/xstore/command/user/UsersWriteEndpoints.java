package io.xstore.command.user;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xstore.api.user.SetUserPreferencesCommand;
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
