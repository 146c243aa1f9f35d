package io.xstore.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.xstore.server.ApiClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * Sends requests the way the ClearML SDK 1.17 does (docs/api/README.md): {@code GET /auth.login} with Basic auth and no
 * version, then GET with a JSON body to {@code /v2.23/<endpoint>} with the SDK's headers; batches as
 * {@code application/json-lines}.
 */
final class SdkSession {

    static final String VERSION = "2.23";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WORKER = "test-host:0";
    private static final String CLIENT = "clearml-1.17.0";

    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;
    private String token;

    SdkSession(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** {@code GET /auth.login} exactly as Session._do_refresh_token sends it. */
    ApiClient.Reply login(String accessKey, String secretKey) {
        HttpRequest request = headers(HttpRequest.newBuilder(URI.create(baseUrl + "/auth.login")))
                .header("Authorization", ApiClient.basic(accessKey, secretKey))
                .GET().build();
        ApiClient.Reply reply = exchange(request);
        if (reply.status() == 200) {
            token = reply.data().get("token").asText();
        }
        return reply;
    }

    /** A typed request: GET with a JSON body to /v2.23/{endpoint}. */
    ApiClient.Reply send(String endpoint, Object body) {
        return exchange(request(endpoint, json(body), "application/json"));
    }

    /** A batched request (events.add_batch): one JSON object per line. */
    ApiClient.Reply sendBatch(String endpoint, List<?> lines) {
        List<String> json = new ArrayList<>();
        lines.forEach(line -> json.add(json(line)));
        return exchange(request(endpoint, String.join("\n", json), "application/json-lines"));
    }

    private HttpRequest request(String endpoint, String body, String contentType) {
        return headers(HttpRequest.newBuilder(URI.create(baseUrl + "/v" + VERSION + "/" + endpoint)))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", contentType)
                .method("GET", HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private static HttpRequest.Builder headers(HttpRequest.Builder builder) {
        return builder.header("X-ClearML-Worker", WORKER).header("X-Trains-Worker", WORKER)
                .header("X-ClearML-Client", CLIENT).header("X-Trains-Client", CLIENT);
    }

    private ApiClient.Reply exchange(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
            return new ApiClient.Reply(response.statusCode(), body, response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String json(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
