package io.xstore.server.auth;

import io.xstore.fileserver.TokenVerifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The file server accepts the API's tokens. */
@Configuration
class AuthConfig {

    @Bean
    TokenVerifier tokenVerifier(RequestAuthenticator authenticator) {
        return token -> token != null && authenticator.verifyToken(token).isPresent();
    }
}
