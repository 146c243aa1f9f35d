package io.xstore.server.auth;

import com.auth0.jwt.JWT;
import com.auth0.jwt.interfaces.DecodedJWT;
import io.xstore.server.ApiClient;
import io.xstore.server.ServerTestSupport;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AuthIT extends ServerTestSupport {

    @Test
    void loginWithTheConfiguredKeyPairGivesATokenWithTheClaimsTheSdkReads() {
        ApiClient client = new ApiClient(apiBaseUrl());
        ApiClient.Reply login = client.send("GET", "/auth.login", null,
                ApiClient.basic(ApiClient.ACCESS_KEY, ApiClient.SECRET_KEY));

        assertThat(login.status()).isEqualTo(200);
        DecodedJWT jwt = JWT.decode(login.data().get("token").asText());
        assertThat(jwt.getClaim("api_version").asString()).isEqualTo("2.31");
        assertThat(jwt.getClaim("server_version").asString()).isEqualTo("2.0.0");
        assertThat(jwt.getClaim("feature_set").asString()).isEqualTo("basic");
        assertThat(jwt.getClaim("identity").asMap()).containsEntry("user_name", "tests");
        assertThat(login.raw().headers().firstValue("set-cookie")).hasValueSatisfying(
                cookie -> assertThat(cookie).startsWith("clearml_token_basic="));
    }

    @Test
    void wrongSecretIsRejectedWith401Subcode22() {
        ApiClient.Reply reply = new ApiClient(apiBaseUrl()).send("GET", "/auth.login", null,
                ApiClient.basic(ApiClient.ACCESS_KEY, "wrong"));

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.subcode()).isEqualTo(22);
    }

    @Test
    void missingCredentialsAre401Subcode20() {
        ApiClient.Reply reply = new ApiClient(apiBaseUrl()).send("POST", "/users.get_current_user", "{}", null);

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.subcode()).isEqualTo(20);
    }

    @Test
    void forgedTokenIs401Subcode30() {
        ApiClient.Reply reply = new ApiClient(apiBaseUrl()).send("POST", "/users.get_current_user", "{}",
                "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl");

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.subcode()).isEqualTo(30);
    }

    @Test
    void unknownAuthSchemeIs401Subcode10() {
        ApiClient.Reply reply = new ApiClient(apiBaseUrl()).send("POST", "/users.get_current_user", "{}",
                "Digest abc");

        assertThat(reply.subcode()).isEqualTo(10);
    }

    @Test
    void createdCredentialsLogInAndRevokedOnesNoLonger() {
        ApiClient client = new ApiClient(apiBaseUrl());
        ApiClient.Reply created = client.call("/auth.create_credentials", Map.of("label", "ci"));
        String key = created.data().get("credentials").get("access_key").asText();
        String secret = created.data().get("credentials").get("secret_key").asText();

        assertThat(key).matches("[A-Z0-9]{30}");
        assertThat(client.send("GET", "/auth.login", null, ApiClient.basic(key, secret)).status()).isEqualTo(200);
        assertThat(client.call("/auth.get_credentials", Map.of()).data().get("credentials").toString())
                .contains(key).doesNotContain(secret);

        client.call("/auth.revoke_credentials", Map.of("access_key", key));

        assertThat(client.send("GET", "/auth.login", null, ApiClient.basic(key, secret)).status()).isEqualTo(401);
    }

    @Test
    void logoutRevokesTheSession() {
        ApiClient client = new ApiClient(apiBaseUrl());
        String token = client.token();

        client.send("POST", "/login.logout", "{}", "Bearer " + token);

        assertThat(client.send("POST", "/users.get_current_user", "{}", "Bearer " + token).status())
                .isEqualTo(401);
    }

    @Test
    void aValidTokenIsRefreshedByLoggingInWithItAndExpirationIsHonoured() {
        ApiClient client = new ApiClient(apiBaseUrl());
        ApiClient.Reply refreshed = client.send("GET", "/auth.login?expiration_sec=600", null,
                "Bearer " + client.token());

        assertThat(refreshed.status()).isEqualTo(200);
        DecodedJWT jwt = JWT.decode(refreshed.data().get("token").asText());
        assertThat(jwt.getExpiresAtAsInstant()).isBetween(jwt.getIssuedAtAsInstant().plusSeconds(599),
                jwt.getIssuedAtAsInstant().plusSeconds(601));
    }

    @Test
    void anAdminMayImpersonateAUserOfItsCompany() {
        ApiClient client = new ApiClient(apiBaseUrl());
        String userId = client.call("/auth.create_user", Map.of("name", "impersonated",
                "email", "impersonated@example.com")).data().get("id").asText();

        ApiClient.Reply reply = client.sendWithHeader("/users.get_current_user", "X-ClearML-Impersonate-As", userId);

        assertThat(reply.data().get("user").get("id").asText()).isEqualTo(userId);
        assertThat(reply.data().get("user").get("name").asText()).isEqualTo("impersonated");
    }

    @Test
    void impersonatingAnUnknownUserIs400Subcode6() {
        ApiClient.Reply reply = new ApiClient(apiBaseUrl())
                .sendWithHeader("/users.get_current_user", "X-ClearML-Impersonate-As", "nobody");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.subcode()).isEqualTo(6);
    }

    @Test
    void currentUserIsTheConfiguredOne() {
        ApiClient.Reply reply = new ApiClient(apiBaseUrl()).call("/users.get_current_user", Map.of());

        assertThat(reply.data().get("user").get("name").asText()).isEqualTo("tests");
        assertThat(reply.data().get("user").get("company").get("id").asText())
                .isEqualTo(AuthProperties.DEFAULT_COMPANY_ID);
    }
}
