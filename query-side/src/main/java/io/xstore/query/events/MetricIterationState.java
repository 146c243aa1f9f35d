package io.xstore.query.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where an iterator over one task metric's events stands: the iterations of the page returned last ({@code min},
 * {@code max}; null before the first page) and, for debug images, each variant's invalid-up-to iteration
 * ({@link UrlRecycling}).
 */
public record MetricIterationState(String task, String metric, List<String> variants, Long min, Long max,
                                   Map<String, Long> invalid) {

    public MetricIterationState withPage(long newMin, long newMax) {
        return new MetricIterationState(task, metric, variants, newMin, newMax, invalid);
    }

    ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("task", task);
        node.put("metric", metric);
        ArrayNode list = node.putArray("variants");
        variants.forEach(list::add);
        if (min != null) {
            node.put("min", min);
            node.put("max", max);
        }
        ObjectNode inv = node.putObject("invalid");
        invalid.forEach(inv::put);
        return node;
    }

    /** @throws IllegalArgumentException for JSON that is not such a state */
    static MetricIterationState fromJson(JsonNode node) {
        if (node == null || !node.path("task").isTextual() || !node.path("metric").isTextual()) {
            throw new IllegalArgumentException("not an iterator state");
        }
        List<String> variants = new ArrayList<>();
        node.path("variants").forEach(v -> variants.add(v.asText()));
        Map<String, Long> invalid = new LinkedHashMap<>();
        node.path("invalid").fields().forEachRemaining(e -> invalid.put(e.getKey(), e.getValue().asLong()));
        Long min = node.hasNonNull("min") ? node.get("min").asLong() : null;
        Long max = node.hasNonNull("max") ? node.get("max").asLong() : null;
        return new MetricIterationState(node.get("task").asText(), node.get("metric").asText(), variants, min, max,
                invalid);
    }
}
