package io.xstore.command.user;

import io.xstore.api.NewIds;
import io.xstore.api.user.CreateCredentialsCommand;
import io.xstore.api.user.CreateUserCommand;
import io.xstore.api.user.EditCredentialsCommand;
import io.xstore.api.user.RevokeCredentialsCommand;
import io.xstore.protocol.ApiEndpoint;
import io.xstore.protocol.CallContext;
import io.xstore.protocol.Fields;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/** The writing endpoints of the ClearML {@code auth} service. */
@Component
public class AuthWriteEndpoints {

    private final CommandGateway commands;

    public AuthWriteEndpoints(CommandGateway commands) {
        this.commands = commands;
    }

    @ApiEndpoint(value = "auth.create_credentials", since = "2.1")
    public Object createCredentials(CallContext ctx) {
        String label = Fields.optString(ctx.body(), "label");
        String accessKey = CredentialGenerator.accessKey();
        String secret = CredentialGenerator.secret();
        commands.sendAndWait(new CreateCredentialsCommand(ctx.caller().userId(), accessKey,
                CredentialGenerator.sha256(secret), label, ctx.audit()));
        Map<String, Object> credentials = new LinkedHashMap<>();
        credentials.put("access_key", accessKey);
        credentials.put("secret_key", secret);
        if (label != null) {
            credentials.put("label", label);
        }
        return Map.of("credentials", credentials);
    }

    @ApiEndpoint(value = "auth.revoke_credentials", since = "2.1")
    public Object revokeCredentials(CallContext ctx) {
        String accessKey = Fields.requireString(ctx.body(), "access_key");
        commands.sendAndWait(new RevokeCredentialsCommand(ctx.caller().userId(), accessKey, ctx.audit()));
        return Map.of("revoked", 1);
    }

    @ApiEndpoint(value = "auth.edit_credentials", since = "2.19")
    public Object editCredentials(CallContext ctx) {
        String accessKey = Fields.requireString(ctx.body(), "access_key");
        String label = Fields.optString(ctx.body(), "label");
        commands.sendAndWait(new EditCredentialsCommand(ctx.caller().userId(), accessKey, label, ctx.audit()));
        return Map.of("updated", 1);
    }

    @ApiEndpoint(value = "auth.create_user", since = "2.1", roles = {"system", "root", "admin"})
    public Object createUser(CallContext ctx) {
        String name = Fields.requireString(ctx.body(), "name");
        String company = Fields.optString(ctx.body(), "company");
        String email = Fields.requireString(ctx.body(), "email");
        String role = Fields.optString(ctx.body(), "role");
        String userId = NewIds.hex();
        String companyId = company == null || company.isEmpty() ? ctx.company() : company;
        commands.sendAndWait(new CreateUserCommand(userId, name, companyId, ctx.caller().companyName(), email,
                role == null ? "user" : role, Fields.optString(ctx.body(), "given_name"),
                Fields.optString(ctx.body(), "family_name"), ctx.audit()));
        return Map.of("id", userId);
    }
}
