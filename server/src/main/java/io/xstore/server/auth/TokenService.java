package io.xstore.server.auth;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.interfaces.DecodedJWT;
import io.xstore.protocol.ApiError;
import io.xstore.protocol.ApiVersion;
import io.xstore.protocol.Caller;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Issues and verifies the HS256 JWTs of {@code auth.login}, with the claims the SDK reads. */
@Component
public class TokenService {

    public static final String SERVER_VERSION = "2.0.0";
    static final long DEFAULT_EXPIRATION_SEC = 2_592_000L;
    static final long MAX_EXPIRATION_SEC = 31_536_000L;

    private final Algorithm algorithm;
    private final JWTVerifier verifier;
    private final RevokedSessions revoked;
    private static final int VERIFIED_KEPT = 10_000;
    private final Map<String, Verified> verified = new java.util.concurrent.ConcurrentHashMap<>();
    private final String env;

    public TokenService(AuthProperties properties, RevokedSessions revoked,
                        @Value("${xstore.data-dir:./data}") Path dataDir) {
        this.algorithm = Algorithm.HMAC256(TokenSecret.resolve(properties.tokenSecret(), dataDir));
        this.verifier = JWT.require(algorithm).build();
        this.revoked = revoked;
        this.env = properties.env();
    }

    public String issue(Caller caller, Long expirationSec) {
        Instant now = Instant.now();
        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("user", caller.userId());
        identity.put("company", caller.companyId());
        identity.put("role", caller.role());
        identity.put("user_name", caller.userName());
        identity.put("company_name", caller.companyName());
        var token = JWT.create()
                .withClaim("identity", identity)
                .withClaim("auth_type", "Bearer")
                .withClaim("session_id", UUID.randomUUID().toString().replace("-", ""))
                .withClaim("env", env)
                .withClaim("api_version", ApiVersion.MAX.toString())
                .withClaim("server_version", SERVER_VERSION)
                .withClaim("server_build", "")
                .withClaim("feature_set", "basic")
                .withIssuedAt(now);
        if (expirationSec != null || !caller.isSystem()) {
            token.withExpiresAt(now.plusSeconds(expirationSec == null ? DEFAULT_EXPIRATION_SEC : expirationSec));
        }
        return token.sign(algorithm);
    }

    /**
     * The caller a token stands for; 401/30 when it is malformed, forged, expired or revoked. A token whose signature
     * was checked once is remembered (up to {@value #VERIFIED_KEPT} tokens) until it expires: later calls with it
     * only check its expiry and whether its session was revoked.
     */
    public Caller verify(String token) {
        Verified known = verified.get(token);
        if (known != null && (known.expiresAt == null || Instant.now().isBefore(known.expiresAt))) {
            if (revoked.contains(known.sessionId)) {
                throw ApiError.INVALID_TOKEN.toException("revoked token");
            }
            return known.caller;
        }
        DecodedJWT jwt = decode(token);
        String sessionId = jwt.getClaim("session_id").asString();
        if (revoked.contains(sessionId)) {
            throw ApiError.INVALID_TOKEN.toException("revoked token");
        }
        Map<String, Object> identity = jwt.getClaim("identity").asMap();
        if (identity == null) {
            throw ApiError.INVALID_TOKEN.toException("missing identity");
        }
        Caller caller = new Caller(text(identity, "user"), text(identity, "user_name"), text(identity, "company"),
                text(identity, "company_name"), text(identity, "role"));
        if (verified.size() >= VERIFIED_KEPT) {
            verified.clear();
        }
        verified.put(token, new Verified(caller, sessionId, jwt.getExpiresAtAsInstant()));
        return caller;
    }

    private record Verified(Caller caller, String sessionId, Instant expiresAt) {
    }

    public String sessionId(String token) {
        return decode(token).getClaim("session_id").asString();
    }

    private DecodedJWT decode(String token) {
        try {
            return verifier.verify(token);
        } catch (JWTVerificationException e) {
            throw ApiError.INVALID_TOKEN.toException("invalid jwt token", Map.of("reason", e.getMessage()));
        }
    }

    private static String text(Map<String, Object> identity, String key) {
        Object value = identity.get(key);
        return value == null ? "" : value.toString();
    }
}
