package io.xstore.fileserver;

/**
 * Decides whether a token presented to the file server is valid: the same JWT the API server issues
 * ({@code auth.login}), presented as {@code Authorization: Bearer} or in the {@code clearml_token_basic} cookie.
 * Implemented by the server module. Must return false (not throw) for malformed or expired tokens.
 */
public interface TokenVerifier {

    boolean isValid(String bearerTokenOrNull);
}
