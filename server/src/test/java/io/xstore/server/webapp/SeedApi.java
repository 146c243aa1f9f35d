package io.xstore.server.webapp;

import com.fasterxml.jackson.databind.JsonNode;
import io.xstore.server.ApiClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The calls the web app's seed makes: RPCs on the API port and uploads to the file server, all with the test key. */
final class SeedApi {

    private static final String V = "/v2.31/";
    private final ApiClient api;
    private final String apiUrl;
    private final String filesUrl;
    private final HttpClient http = HttpClient.newHttpClient();

    SeedApi(String apiUrl, String filesUrl) {
        this.api = new ApiClient(apiUrl);
        this.apiUrl = apiUrl;
        this.filesUrl = filesUrl;
    }

    JsonNode ok(String endpoint, Object body) {
        ApiClient.Reply reply = api.call(V + endpoint, body);
        assertThat(reply.status()).as("%s -> %s", endpoint, reply.body()).isEqualTo(200);
        return reply.data();
    }

    String id(String endpoint, Object body) {
        return ok(endpoint, body).get("id").asText();
    }

    /** events.add_batch with one JSON document per line; returns once the events are readable. */
    void addEvents(List<String> jsonLines) {
        send(HttpRequest.newBuilder(URI.create(apiUrl + V + "events.add_batch"))
                .header("Authorization", "Bearer " + api.token())
                .header("Content-Type", "application/json-lines")
                .POST(HttpRequest.BodyPublishers.ofString(String.join("\n", jsonLines))).build(), "events.add_batch");
    }

    /**
     * Like {@link #addEvents} for bulk loads on a busy machine: the server appends a batch to its event log before it
     * waits (up to a minute) for the indexer, and answers IndexingTimeoutException when that wait runs out. The
     * events are then written but not yet searchable, so the batch is not sent again; the caller waits at the end.
     */
    void addEventsAllowingSlowIndexing(List<String> jsonLines) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(apiUrl + V + "events.add_batch"))
                .header("Authorization", "Bearer " + api.token())
                .header("Content-Type", "application/json-lines")
                .POST(HttpRequest.BodyPublishers.ofString(String.join("\n", jsonLines))).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200 && !response.body().contains("IndexingTimeoutException")) {
                throw new AssertionError("events.add_batch -> " + response.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Uploads one file to the file server and returns its public URL. */
    String upload(String path, byte[] content, String contentType) {
        String boundary = "----seed" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + path + "\"; filename=\""
                + path.substring(path.lastIndexOf('/') + 1) + "\"\r\nContent-Type: " + contentType + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(content, 0, body, head.length, content.length);
        System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
        send(HttpRequest.newBuilder(URI.create(filesUrl + "/"))
                .header("Authorization", "Bearer " + api.token())
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), "upload " + path);
        return filesUrl + "/" + path;
    }

    private void send(HttpRequest request, String what) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("%s -> %s", what, response.body()).isEqualTo(200);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Map<String, Object> param(String section, String name, String value) {
        return Map.of("section", section, "name", name, "value", value, "type", "str");
    }
}
