package io.xstore.server.auth;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.ArrayList;
import java.util.List;

/**
 * Authentication settings ({@code xstore.auth.*}). Nothing here has a default that works: without configured
 * credentials the server generates a key pair on first start and prints it once.
 *
 * @param tokenSecret  HS256 key for the JWTs; generated and kept under the data directory when empty
 * @param credentials  fixed API key pairs, provisioned at start (for automation)
 * @param fixedUsers   username/password logins (password plain or bcrypt {@code $2a$...})
 */
@ConfigurationProperties("xstore.auth")
public record AuthProperties(String tokenSecret, List<FixedCredentials> credentials, List<FixedUser> fixedUsers,
                             String env) {

    public static final String DEFAULT_COMPANY_ID = "d1bd92a3b039400cbafc60a7a5b1e52b";
    public static final String DEFAULT_COMPANY_NAME = "clearml";

    public AuthProperties {
        credentials = credentials == null ? new ArrayList<>() : credentials;
        fixedUsers = fixedUsers == null ? new ArrayList<>() : fixedUsers;
        env = env == null ? "<unknown>" : env;
    }

    public record FixedCredentials(String accessKey, String secretKey, String userId, String userName, String role) {
    }

    public record FixedUser(String username, String password, String name, String role) {
    }
}
