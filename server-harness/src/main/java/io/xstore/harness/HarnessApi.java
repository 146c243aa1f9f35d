package io.xstore.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * A minimal ClearML API client for a server run by {@link ServerProcess}: a token from {@code auth.login} (Basic
 * key:secret), then {@code POST /<service>.<action>} with a JSON or JSON-lines body and the Bearer token. Shared
 * by threads. A transport failure (server gone) is an {@link IOException}; any HTTP answer is a {@link Reply}.
 * Kept apart from the server tests' ApiClient: those tests cannot depend on this module.
 */
public final class HarnessApi {

    public static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String basic;
    private volatile String token;

    public HarnessApi(String baseUrl, String accessKey, String secretKey) {
        this.baseUrl = baseUrl;
        this.basic = "Basic " + Base64.getEncoder()
                .encodeToString((accessKey + ":" + secretKey).getBytes(StandardCharsets.UTF_8));
    }

    /** An HTTP answer and its parsed envelope ({@code meta}, {@code data}). */
    public record Reply(int status, JsonNode body) {
        public boolean ok() {
            return status == 200;
        }

        public JsonNode data() {
            return body.path("data");
        }
    }

    public Reply call(String endpoint, Object body) throws IOException {
        String json = body instanceof String s ? s : JSON.writeValueAsString(body);
        return send(endpoint, json, "application/json");
    }

    /** A batched call: one JSON document per line (events.add_batch). */
    public Reply callJsonLines(String endpoint, String lines) throws IOException {
        return send(endpoint, lines, "application/json-lines");
    }

    /** The data of a call that must answer 200. */
    public JsonNode data(String endpoint, Object body) throws IOException {
        Reply reply = call(endpoint, body);
        if (!reply.ok()) {
            throw new IOException(endpoint + " answered " + reply.status() + ": " + abbreviate(reply.body()));
        }
        return reply.data();
    }

    private Reply send(String endpoint, String body, String contentType) throws IOException {
        Reply reply = post(endpoint, body, contentType, token());
        if (reply.status() == 401) {
            token = null; // a token of an earlier login the server no longer accepts: log in again once
            reply = post(endpoint, body, contentType, token());
        }
        return reply;
    }

    private Reply post(String endpoint, String body, String contentType, String bearer) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/" + endpoint))
                .header("Authorization", "Bearer " + bearer)
                .header("Content-Type", contentType)
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return reply(exchange(request));
    }

    private String token() throws IOException {
        String current = token;
        if (current == null) {
            HttpRequest login = HttpRequest.newBuilder(URI.create(baseUrl + "/auth.login"))
                    .header("Authorization", basic).timeout(Duration.ofSeconds(30)).GET().build();
            Reply reply = reply(exchange(login));
            if (!reply.ok()) {
                throw new IOException("auth.login answered " + reply.status() + ": " + abbreviate(reply.body()));
            }
            current = reply.data().get("token").asText();
            token = current;
        }
        return current;
    }

    private HttpResponse<String> exchange(HttpRequest request) throws IOException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static Reply reply(HttpResponse<String> response) throws IOException {
        String text = response.body();
        JsonNode body = text == null || text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text);
        return new Reply(response.statusCode(), body);
    }

    private static String abbreviate(JsonNode body) {
        String text = body.toString();
        return text.length() <= 500 ? text : text.substring(0, 500) + "...";
    }
}
