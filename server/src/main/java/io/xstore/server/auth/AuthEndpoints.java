package io.xstore.server.auth;

import io.xstore.protocol.ApiEndpoint;
import io.xstore.protocol.ApiError;
import io.xstore.protocol.CallContext;
import io.xstore.protocol.Fields;
import io.xstore.server.rpc.RpcExchange;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Token endpoints of the {@code auth} and {@code login} services (credential management is on the command side). */
@Component
public class AuthEndpoints {

    private final TokenService tokens;
    private final RevokedSessions revoked;
    private final RequestAuthenticator authenticator;
    private final AuthProperties properties;

    public AuthEndpoints(TokenService tokens, RevokedSessions revoked, RequestAuthenticator authenticator,
                         AuthProperties properties) {
        this.tokens = tokens;
        this.revoked = revoked;
        this.authenticator = authenticator;
        this.properties = properties;
    }

    @ApiEndpoint(value = "auth.login", since = "1.0")
    public Object login(CallContext ctx) {
        Integer expiration = Fields.optInt(ctx.body(), "expiration_sec");
        if (expiration != null && (expiration < 1 || expiration > TokenService.MAX_EXPIRATION_SEC)) {
            throw ApiError.VALIDATION_ERROR.toException("expiration_sec must be between 1 and "
                    + TokenService.MAX_EXPIRATION_SEC, Map.of("expiration_sec", expiration));
        }
        String token = tokens.issue(ctx.caller(), expiration == null ? null : expiration.longValue());
        RpcExchange.current().response().addHeader("Set-Cookie", RequestAuthenticator.COOKIE + "=" + token
                + "; Max-Age=99999999999; Path=/; HttpOnly; SameSite=Lax");
        return Map.of("token", token);
    }

    @ApiEndpoint(value = "auth.validate_token", since = "1.0", roles = {"system", "root", "admin"})
    public Object validateToken(CallContext ctx) {
        String token = Fields.requireString(ctx.body(), "token");
        Map<String, Object> result = new LinkedHashMap<>();
        authenticator.verifyToken(token).ifPresentOrElse(caller -> {
            result.put("valid", true);
            result.put("user", caller.userId());
            result.put("company", caller.companyId());
        }, () -> {
            result.put("valid", false);
            result.put("msg", "Invalid token");
        });
        return result;
    }

    @ApiEndpoint(value = "login.logout", since = "2.13", authenticated = false)
    public Object logout(CallContext ctx) {
        String token = authenticator.presentedToken(RpcExchange.current().request());
        if (token != null) {
            authenticator.verifyToken(token).ifPresent(caller -> revoked.revoke(tokens.sessionId(token)));
        }
        RpcExchange.current().response().addHeader("Set-Cookie", RequestAuthenticator.COOKIE + "=; Max-Age=0; Path=/");
        return Map.of();
    }

    @ApiEndpoint(value = "login.supported_modes", since = "2.9", authenticated = false)
    public Object supportedModes(CallContext ctx) {
        boolean basic = !properties.fixedUsers().isEmpty();
        return Map.of(
                "authenticated", !ctx.caller().userId().isEmpty(),
                "basic", Map.of("enabled", basic, "guest", Map.of("enabled", false)),
                "sso", Map.of(),
                "sso_providers", List.of(),
                "server_errors", Map.of("missed_es_upgrade", false, "es_connection_error", false));
    }

    @ApiEndpoint(value = "auth.fixed_users_mode", since = "2.4", authenticated = false)
    public Object fixedUsersMode(CallContext ctx) {
        return Map.of("enabled", !properties.fixedUsers().isEmpty(), "guest", Map.of("enabled", false));
    }
}
