package io.xstore.bench;

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
 * The API as the ClearML SDK calls it: a token from {@code auth.login} (Basic auth), then JSON bodies to
 * {@code /v2.23/<service.action>} with {@code Authorization: Bearer}; batches as {@code application/json-lines}.
 * The calls go through {@link HttpConnections} (a lean client whose own cost stays small beside the server's), its
 * kept-alive connections shared by all benchmark threads. A call that does not answer 200 throws, so a benchmark
 * never counts failures as throughput.
 */
final class BenchApi {

    private static final String VERSION = "2.23";
    private static final String WORKER = "xstore-bench:0";
    private static final String CLIENT = "xstore-bench";
    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpConnections connections;
    private final String headers;

    BenchApi(String baseUrl, String accessKey, String secretKey) throws IOException, InterruptedException {
        String basic = Base64.getEncoder()
                .encodeToString((accessKey + ":" + secretKey).getBytes(StandardCharsets.UTF_8));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        HttpRequest login = HttpRequest.newBuilder(URI.create(baseUrl + "/auth.login"))
                .header("Authorization", "Basic " + basic)
                .GET().build();
        HttpResponse<String> answer = http.send(login, HttpResponse.BodyHandlers.ofString());
        String token = data(answer.statusCode(), answer.body(), "auth.login").get("token").asText();
        this.connections = new HttpConnections(baseUrl);
        this.headers = "Authorization: Bearer " + token + "\r\nX-ClearML-Worker: " + WORKER + "\r\nX-ClearML-Client: "
                + CLIENT + "\r\nContent-Type: ";
    }

    /** The {@code data} of a call with a JSON body. */
    JsonNode call(String endpoint, Object body) throws IOException, InterruptedException {
        String json = body instanceof String s ? s : JSON.writeValueAsString(body);
        return send(endpoint, json, "application/json");
    }

    /**
     * The whole answer of a call with a JSON body, as text, without parsing it: for the read rows, where building a
     * JSON tree of a task's answer on the shared cores cost the client more than the server spent answering.
     */
    String callUnparsed(String endpoint, String json) throws IOException {
        HttpConnections.Response response = connections.post("/v" + VERSION + "/" + endpoint,
                headers + "application/json\r\n", json);
        if (response.status() != 200) {
            throw new IOException(endpoint + " answered HTTP " + response.status() + ": "
                    + abbreviate(response.body()));
        }
        return response.body();
    }

    /** The {@code data} of a batched call: one JSON document per line. */
    JsonNode callJsonLines(String endpoint, String lines) throws IOException, InterruptedException {
        return send(endpoint, lines, "application/json-lines");
    }

    private JsonNode send(String endpoint, String body, String contentType) throws IOException, InterruptedException {
        HttpConnections.Response response = connections.post("/v" + VERSION + "/" + endpoint,
                headers + contentType + "\r\n", body);
        return data(response.status(), response.body(), endpoint);
    }

    private static JsonNode data(int status, String body, String endpoint) throws IOException {
        if (status != 200) {
            throw new IOException(endpoint + " answered HTTP " + status + ": " + abbreviate(body));
        }
        return JSON.readTree(body).get("data");
    }

    private static String abbreviate(String text) {
        return text.length() <= 500 ? text : text.substring(0, 500) + "...";
    }
}
