package io.xstore.server.auth;

import io.xstore.protocol.ApiError;
import io.xstore.protocol.ApiException;
import io.xstore.protocol.Caller;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.crypto.bcrypt.BCrypt;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a request's {@code Authorization} header (Basic key:secret, Basic user:password, or Bearer JWT) or its
 * {@code clearml_token_basic} cookie into a {@link Caller}, then applies the impersonation headers.
 */
@Component
public class RequestAuthenticator {

    public static final String COOKIE = "clearml_token_basic";
    private static final Caller ANONYMOUS = new Caller("", "", AuthProperties.DEFAULT_COMPANY_ID,
            AuthProperties.DEFAULT_COMPANY_NAME, "guest");

    private final TokenService tokens;
    private final IdentityDirectory directory;
    private final AuthProperties properties;

    public RequestAuthenticator(TokenService tokens, IdentityDirectory directory, AuthProperties properties) {
        this.tokens = tokens;
        this.directory = directory;
        this.properties = properties;
    }

    public Caller authenticate(HttpServletRequest request, boolean required) {
        String header = request.getHeader("Authorization");
        if (header == null || header.isBlank()) {
            String cookie = cookie(request);
            header = cookie == null ? null : "Bearer " + cookie;
        }
        if (header == null) {
            if (required) {
                throw ApiError.NO_CREDENTIALS.toException();
            }
            return ANONYMOUS;
        }
        try {
            return impersonate(request, fromHeader(header.trim()));
        } catch (ApiException e) {
            if (required) {
                throw e;
            }
            return ANONYMOUS;
        }
    }

    /** The Bearer token of a request (header or cookie), or null. */
    public String presentedToken(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return header.substring(7).trim();
        }
        return cookie(request);
    }

    /** The caller of a Bearer token, for the file server; empty when the token is not valid. */
    public Optional<Caller> verifyToken(String token) {
        try {
            return Optional.of(tokens.verify(token));
        } catch (ApiException e) {
            return Optional.empty();
        }
    }

    private Caller fromHeader(String header) {
        int space = header.indexOf(' ');
        String scheme = space < 0 ? header : header.substring(0, space);
        String value = space < 0 ? "" : header.substring(space + 1).trim();
        if (scheme.equalsIgnoreCase("Bearer")) {
            return tokens.verify(value);
        }
        if (scheme.equalsIgnoreCase("Basic")) {
            return basic(value);
        }
        throw ApiError.BAD_AUTH_TYPE.toException(Map.of("auth_type", scheme));
    }

    private Caller basic(String encoded) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.ISO_8859_1);
        } catch (IllegalArgumentException e) {
            throw ApiError.BAD_CREDENTIALS.toException();
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            throw ApiError.BAD_CREDENTIALS.toException();
        }
        String key = decoded.substring(0, colon);
        String secret = decoded.substring(colon + 1);
        return directory.byCredentials(key, secret)
                .or(() -> fixedUser(key, secret))
                .orElseThrow(ApiError.INVALID_CREDENTIALS::toException);
    }

    private Optional<Caller> fixedUser(String username, String password) {
        for (AuthProperties.FixedUser user : properties.fixedUsers()) {
            if (user.username().equals(username) && passwordMatches(user.password(), password)) {
                return directory.byUserId(fixedUserId(username));
            }
        }
        return Optional.empty();
    }

    static boolean passwordMatches(String configured, String given) {
        if (configured == null) {
            return false;
        }
        if (configured.startsWith("$2")) {
            return BCrypt.checkpw(given, configured);
        }
        return MessageDigest.isEqual(configured.getBytes(StandardCharsets.UTF_8),
                given.getBytes(StandardCharsets.UTF_8));
    }

    /** Fixed users get a stable id derived from company and name, as the reference server does. */
    static String fixedUserId(String username) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest(
                    (AuthProperties.DEFAULT_COMPANY_ID + ":" + username).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Caller impersonate(HttpServletRequest request, Caller caller) {
        String as = firstNonEmpty(request.getHeader("X-ClearML-Impersonate-As"),
                request.getHeader("X-Trains-Impersonate-As"));
        String actAs = request.getHeader("X-ClearML-Act-As");
        if (as == null && (actAs == null || actAs.isEmpty())) {
            return caller;
        }
        if (as != null && actAs != null && !actAs.isEmpty()) {
            throw ApiError.INVALID_HEADERS.toException("only one of impersonate-as and act-as may be given");
        }
        if (!caller.isAdmin()) {
            throw ApiError.ROLE_NOT_ALLOWED.toException("impersonation needs a system or admin role");
        }
        String target = as != null ? as : actAs;
        Caller user = directory.byUserId(target)
                .orElseThrow(() -> ApiError.IMPERSONATED_USER_NOT_FOUND.toException(Map.of("user", target)));
        if (!caller.isSystem() && !user.companyId().equals(caller.companyId())) {
            throw ApiError.ROLE_NOT_ALLOWED.toException("admins may impersonate users of their own company only");
        }
        return as != null ? user
                : new Caller(user.userId(), user.userName(), user.companyId(), user.companyName(), caller.role());
    }

    private static String cookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie cookie : cookies) {
            if (COOKIE.equals(cookie.getName()) && !cookie.getValue().isEmpty()) {
                return cookie.getValue();
            }
        }
        return null;
    }

    private static String firstNonEmpty(String a, String b) {
        return a != null && !a.isEmpty() ? a : (b != null && !b.isEmpty() ? b : null);
    }
}
