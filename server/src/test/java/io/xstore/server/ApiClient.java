package io.xstore.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A minimal ClearML API client for tests: logs in like the SDK and sends JSON bodies (GET with a body, too). */
public class ApiClient {

    public static final String ACCESS_KEY = "TESTACCESSKEY0000000000000000A";
    public static final String SECRET_KEY = "test-secret-key-000000000000000000000000000000000000000000000";

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;
    private String token;

    public ApiClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public static String basic(String key, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((key + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    /** The envelope of {@code path} called with {@code body}, authenticated with a token from the test key pair. */
    public Reply call(String path, Object body) {
        return send("POST", path, body, "Bearer " + token());
    }

    /** A POST with an empty body and one extra header, authenticated with the test key pair's token. */
    public Reply sendWithHeader(String path, String header, String value) {
        return send("POST", path, "{}", "Bearer " + token(), header, value);
    }

    public Reply send(String method, String path, Object body, String authorization, String... headers) {
        try {
            String json = body == null ? "" : body instanceof String s ? s : JSON.writeValueAsString(body);
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .method(method, HttpRequest.BodyPublishers.ofString(json))
                    .header("Content-Type", "application/json");
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            for (int i = 0; i + 1 < headers.length; i += 2) {
                request.header(headers[i], headers[i + 1]);
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), JSON.readTree(response.body()), response);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String token() {
        if (token == null) {
            Reply login = send("GET", "/auth.login", null, basic(ACCESS_KEY, SECRET_KEY));
            if (login.status() != 200) {
                throw new IllegalStateException("test login failed: " + login.body());
            }
            token = login.data().get("token").asText();
        }
        return token;
    }

    /** An HTTP answer with its parsed envelope. */
    public record Reply(int status, JsonNode body, HttpResponse<String> raw) {

        public JsonNode meta() {
            return body.get("meta");
        }

        public JsonNode data() {
            return body.get("data");
        }

        public int resultCode() {
            return meta().get("result_code").asInt();
        }

        public int subcode() {
            return meta().get("result_subcode").asInt();
        }
    }
}
