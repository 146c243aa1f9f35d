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
 * One HTTP/1.1 client with a connection pool, shared by all benchmark threads. A call that does not answer 200
 * throws, so a benchmark never counts failures as throughput.
 */
final class BenchApi {

    private static final String VERSION = "2.23";
    private static final String WORKER = "xstore-bench:0";
    private static final String CLIENT = "xstore-bench";
    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final String baseUrl;
    private final String token;

    BenchApi(String baseUrl, String accessKey, String secretKey) throws IOException, InterruptedException {
        this.baseUrl = baseUrl;
        String basic = Base64.getEncoder()
                .encodeToString((accessKey + ":" + secretKey).getBytes(StandardCharsets.UTF_8));
        HttpRequest login = HttpRequest.newBuilder(URI.create(baseUrl + "/auth.login"))
                .header("Authorization", "Basic " + basic)
                .GET().build();
        this.token = data(http.send(login, HttpResponse.BodyHandlers.ofString()), "auth.login")
                .get("token").asText();
    }

    /** The {@code data} of a call with a JSON body. */
    JsonNode call(String endpoint, Object body) throws IOException, InterruptedException {
        String json = body instanceof String s ? s : JSON.writeValueAsString(body);
        return send(endpoint, json, "application/json");
    }

    /** The {@code data} of a batched call: one JSON document per line. */
    JsonNode callJsonLines(String endpoint, String lines) throws IOException, InterruptedException {
        return send(endpoint, lines, "application/json-lines");
    }

    private JsonNode send(String endpoint, String body, String contentType) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/v" + VERSION + "/" + endpoint))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", contentType)
                .header("X-ClearML-Worker", WORKER)
                .header("X-ClearML-Client", CLIENT)
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return data(http.send(request, HttpResponse.BodyHandlers.ofString()), endpoint);
    }

    private static JsonNode data(HttpResponse<String> response, String endpoint) throws IOException {
        if (response.statusCode() != 200) {
            throw new IOException(endpoint + " answered HTTP " + response.statusCode() + ": "
                    + abbreviate(response.body()));
        }
        return JSON.readTree(response.body()).get("data");
    }

    private static String abbreviate(String text) {
        return text.length() <= 500 ? text : text.substring(0, 500) + "...";
    }
}
