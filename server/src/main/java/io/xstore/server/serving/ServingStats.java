package io.xstore.server.serving;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.JsonNode;
import io.xstore.server.infra.LazyIndex;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Serving container statistics as a time series in the Elasticsearch index {@value #INDEX} (docs/api/serving.md):
 * one document per status report with company, container, endpoint url, time, the request figures and the machine
 * figures reduced to one number each (averages over cpus and gpus, totals of memory).
 */
@Component
public class ServingStats {

    static final String INDEX = "serving_stats";
    static final int MAX_READ = 10_000;

    private final ElasticsearchClient client;
    private final LazyIndex index;

    public ServingStats(ElasticsearchClient client) {
        this.client = client;
        this.index = new LazyIndex(client, INDEX, m -> m
                .properties("company", p -> p.keyword(k -> k))
                .properties("container", p -> p.keyword(k -> k))
                .properties("url", p -> p.keyword(k -> k))
                .properties("timestamp", p -> p.long_(l -> l)));
    }

    /** One stored report: container, time, and its numeric fields by name. */
    record Sample(String container, long timestampMillis, Map<String, Double> values) {
    }

    void record(ServingContainer c, long timestampMillis) {
        index.ensure();
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("company", c.company());
        doc.put("container", c.id());
        doc.put("url", c.endpointUrl());
        doc.put("timestamp", timestampMillis);
        putNumber(doc, "requests_num", c.requestsNum());
        putNumber(doc, "requests_min", c.requestsMin());
        putNumber(doc, "latency_ms", c.latencyMs());
        putNumber(doc, "uptime_sec", c.uptimeSec());
        JsonNode stats = c.machineStats();
        if (stats != null && stats.isObject()) {
            for (String category : List.of("cpu", "gpu")) {
                JsonNode usage = stats.get(category + "_usage");
                putNumber(doc, category + "_usage", average(usage));
                putNumber(doc, category + "_num", usage == null || usage.isNull() ? null
                        : (double) (usage.isArray() ? usage.size() : 1));
            }
            for (String category : List.of("memory", "gpu_memory")) {
                Double free = average(stats.get(category + "_free"));
                Double used = average(stats.get(category + "_used"));
                putNumber(doc, category + "_free", free);
                putNumber(doc, category + "_used", used);
                if (free != null || used != null) {
                    doc.put(category + "_total", (free == null ? 0 : free) + (used == null ? 0 : used));
                }
            }
            for (String field : List.of("network_rx", "network_tx")) {
                putNumber(doc, field, average(stats.get(field)));
            }
        }
        try {
            client.index(i -> i.index(INDEX).document(doc).refresh(Refresh.WaitFor));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The samples of one endpoint url in the range, oldest first. */
    List<Sample> samples(String company, String url, long fromMillis, long toMillis) {
        index.ensure();
        List<Sample> out = new ArrayList<>();
        try {
            var response = client.search(s -> s.index(INDEX).size(MAX_READ)
                    .query(q -> q.bool(b -> b
                            .filter(f -> f.term(t -> t.field("company").value(company)))
                            .filter(f -> f.term(t -> t.field("url").value(url)))
                            .filter(f -> f.range(r -> r.number(n -> n.field("timestamp")
                                    .gte((double) fromMillis).lte((double) toMillis))))))
                    .sort(o -> o.field(f -> f.field("timestamp").order(SortOrder.Asc))), JsonNode.class);
            for (Hit<JsonNode> hit : response.hits().hits()) {
                JsonNode doc = hit.source();
                if (doc == null) {
                    continue;
                }
                Map<String, Double> values = new LinkedHashMap<>();
                doc.fields().forEachRemaining(field -> {
                    if (field.getValue().isNumber() && !"timestamp".equals(field.getKey())) {
                        values.put(field.getKey(), field.getValue().asDouble());
                    }
                });
                out.add(new Sample(doc.path("container").asText(), doc.path("timestamp").asLong(), values));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static Double average(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isNumber()) {
            return value.asDouble();
        }
        if (value.isArray()) {
            double sum = 0;
            int count = 0;
            for (JsonNode item : value) {
                if (item.isNumber()) {
                    sum += item.asDouble();
                    count++;
                }
            }
            return count == 0 ? null : sum / count;
        }
        return null;
    }

    private static void putNumber(Map<String, Object> doc, String field, Number value) {
        if (value != null) {
            doc.put(field, value);
        }
    }
}
