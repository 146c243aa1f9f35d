package io.xstore.migration.ops.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The event indices of a ClearML server's Elasticsearch, read over its REST API: the indices of one event type
 * ({@code <prefix>events-<type>-*}), and each index's documents in a stable order ({@code _doc} under a scroll), so
 * that an import can skip the ones a previous run already carried over.
 */
final class ElasticSource {

    private static final int PAGE = 1000;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final ObjectMapper json;
    private final String baseUrl;

    ElasticSource(String baseUrl, ObjectMapper json) {
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.json = json;
    }

    /** The indices matching {@code pattern}, sorted, with their document counts. */
    List<IndexCount> indices(String pattern) throws IOException {
        JsonNode rows = get("/_cat/indices/" + pattern + "?format=json&h=index,docs.count&expand_wildcards=open");
        List<IndexCount> indices = new ArrayList<>();
        for (JsonNode row : rows) {
            indices.add(new IndexCount(row.path("index").asText(), row.path("docs.count").asLong()));
        }
        indices.sort((a, b) -> a.index().compareTo(b.index()));
        return indices;
    }

    record IndexCount(String index, long count) {
    }

    /** Hands every document's {@code _source} after the first {@code skip} to {@code page}, a page at a time. */
    void scan(String index, long skip, Consumer<List<ObjectNode>> page) throws IOException {
        ObjectNode query = json.createObjectNode();
        query.put("size", PAGE);
        query.putArray("sort").add("_doc");
        JsonNode result = post("/" + index + "/_search?scroll=2m", query);
        String scrollId = result.path("_scroll_id").asText(null);
        long seen = 0;
        try {
            while (true) {
                JsonNode hits = result.path("hits").path("hits");
                if (hits.isEmpty()) {
                    return;
                }
                List<ObjectNode> sources = new ArrayList<>(hits.size());
                for (JsonNode hit : hits) {
                    if (seen++ >= skip) {
                        sources.add((ObjectNode) hit.path("_source"));
                    }
                }
                if (!sources.isEmpty()) {
                    page.accept(sources);
                }
                ObjectNode next = json.createObjectNode().put("scroll", "2m").put("scroll_id", scrollId);
                result = post("/_search/scroll", next);
                scrollId = result.path("_scroll_id").asText(scrollId);
            }
        } finally {
            if (scrollId != null) {
                send(HttpRequest.newBuilder(URI.create(baseUrl + "/_search/scroll/" + scrollId)).DELETE());
            }
        }
    }

    private JsonNode get(String path) throws IOException {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
    }

    private JsonNode post(String path, JsonNode body) throws IOException {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))));
    }

    private JsonNode send(HttpRequest.Builder request) throws IOException {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(120)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IOException("elasticsearch answered " + response.statusCode() + ": "
                        + response.body().substring(0, Math.min(300, response.body().length())));
            }
            return json.readTree(response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
