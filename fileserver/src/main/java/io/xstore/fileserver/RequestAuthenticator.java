package io.xstore.fileserver;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/** Finds the caller's token (Bearer header first, then the UI cookie) and asks the {@link TokenVerifier}. */
final class RequestAuthenticator {

    static final String TOKEN_COOKIE = "clearml_token_basic";

    private static final Log log = LogFactory.getLog(RequestAuthenticator.class);

    private final boolean required;
    private final TokenVerifier verifier;

    RequestAuthenticator(boolean required, TokenVerifier verifier) {
        if (required && verifier == null) {
            throw new IllegalStateException(
                    "xstore.fileserver.auth-required=true needs a " + TokenVerifier.class.getName() + " bean");
        }
        this.required = required;
        this.verifier = verifier;
    }

    /**
     * @param tokenOptional true where the reference checks a token only if one is supplied (the ping)
     * @return null when the request may proceed, else the 401 message
     */
    String reject(HttpServletRequest request, boolean tokenOptional) {
        if (!required) {
            return null;
        }
        String token;
        String authorization = request.getHeader("Authorization");
        if (authorization != null && !authorization.isBlank()) {
            String value = authorization.trim();
            if (!value.regionMatches(true, 0, "Bearer ", 0, 7)) {
                return "Only bearer token authorization is supported";
            }
            token = value.substring(7).trim();
        } else {
            token = cookie(request);
        }
        if (token == null || token.isEmpty()) {
            return tokenOptional ? null : "Missing authorization token";
        }
        try {
            return verifier.isValid(token) ? null : "Invalid authorization token";
        } catch (RuntimeException e) {
            log.debug("Token verification failed", e);
            return "Invalid authorization token";
        }
    }

    private static String cookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie cookie : cookies) {
            if (TOKEN_COOKIE.equals(cookie.getName())) {
                return cookie.getValue();
            }
        }
        return null;
    }
}
