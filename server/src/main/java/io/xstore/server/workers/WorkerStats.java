package io.xstore.server.workers;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.JsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.xstore.server.infra.LazyIndex;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Worker machine statistics and activity as a time series in the Elasticsearch index {@value #INDEX}
 * (docs/api/workers.md): one document per reported value ({@code kind: stat}, metric, variant, value) and one per
 * status report ({@code kind: activity}, with whether the worker ran a task), each with company, worker and time.
 * The stats and activity endpoints read the documents of the asked range and aggregate them per interval.
 */
@Component
public class WorkerStats {

    static final String INDEX = "worker_stats";
    static final int MAX_READ = 10_000;
    private static final Logger log = LoggerFactory.getLogger(WorkerStats.class);

    private final ElasticsearchClient client;
    private final LazyIndex index;

    public WorkerStats(ElasticsearchClient client) {
        this.client = client;
        this.index = new LazyIndex(client, INDEX, m -> m
                .properties("kind", p -> p.keyword(k -> k))
                .properties("company", p -> p.keyword(k -> k))
                .properties("worker", p -> p.keyword(k -> k))
                .properties("metric", p -> p.keyword(k -> k))
                .properties("variant", p -> p.keyword(k -> k))
                .properties("timestamp", p -> p.long_(l -> l))
                .properties("value", p -> p.double_(d -> d))
                .properties("running", p -> p.boolean_(b -> b)));
    }

    /** One point of one series: metric (e.g. cpu_usage), variant ("0", "1", … for lists, "total" for a number). */
    record Point(String worker, long timestampMillis, String metric, String variant, double value) {
    }

    /** A status report of a worker, with whether it was running a task. */
    record Activity(String worker, long timestampMillis, boolean running) {
    }

    /** Stores the report's activity and machine statistics; waits until they are searchable. */
    void record(String company, String worker, Instant at, boolean running, JsonNode machineStats) {
        index.ensure();
        BulkRequest.Builder bulk = new BulkRequest.Builder().refresh(Refresh.WaitFor);
        long millis = at.toEpochMilli();
        Map<String, Object> activity = new LinkedHashMap<>();
        activity.put("kind", "activity");
        activity.put("company", company);
        activity.put("worker", worker);
        activity.put("timestamp", millis);
        activity.put("running", running);
        bulk.operations(op -> op.index(i -> i.index(INDEX).document(activity)));
        if (machineStats != null && machineStats.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = machineStats.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                JsonNode value = field.getValue();
                if (value.isArray()) {
                    for (int i = 0; i < value.size(); i++) {
                        if (value.get(i).isNumber()) {
                            addStat(bulk, company, worker, millis, field.getKey(), String.valueOf(i),
                                    value.get(i).asDouble());
                        }
                    }
                } else if (value.isNumber()) {
                    addStat(bulk, company, worker, millis, field.getKey(), "total", value.asDouble());
                }
            }
        }
        try {
            var response = client.bulk(bulk.build());
            if (response.errors()) {
                log.warn("some worker statistics of {} were not stored", worker);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void addStat(BulkRequest.Builder bulk, String company, String worker, long millis, String metric,
                                String variant, double value) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("kind", "stat");
        doc.put("company", company);
        doc.put("worker", worker);
        doc.put("timestamp", millis);
        doc.put("metric", metric);
        doc.put("variant", variant);
        doc.put("value", value);
        bulk.operations(op -> op.index(i -> i.index(INDEX).document(doc)));
    }

    List<Point> points(String company, List<String> workers, long fromMillis, long toMillis, List<String> metrics) {
        List<Query> filters = filters("stat", company, workers, fromMillis, toMillis);
        if (metrics != null && !metrics.isEmpty()) {
            filters.add(Query.of(q -> q.terms(t -> t.field("metric")
                    .terms(v -> v.value(metrics.stream().map(FieldValue::of).toList())))));
        }
        List<Point> out = new ArrayList<>();
        for (Hit<JsonNode> hit : search(filters)) {
            JsonNode doc = hit.source();
            if (doc != null) {
                out.add(new Point(doc.path("worker").asText(), doc.path("timestamp").asLong(),
                        doc.path("metric").asText(), doc.path("variant").asText(), doc.path("value").asDouble()));
            }
        }
        return out;
    }

    List<Activity> activity(String company, long fromMillis, long toMillis) {
        List<Activity> out = new ArrayList<>();
        for (Hit<JsonNode> hit : search(filters("activity", company, null, fromMillis, toMillis))) {
            JsonNode doc = hit.source();
            if (doc != null) {
                out.add(new Activity(doc.path("worker").asText(), doc.path("timestamp").asLong(),
                        doc.path("running").asBoolean()));
            }
        }
        return out;
    }

    private List<Query> filters(String kind, String company, List<String> workers, long from, long to) {
        List<Query> filters = new ArrayList<>();
        filters.add(Query.of(q -> q.term(t -> t.field("kind").value(kind))));
        filters.add(Query.of(q -> q.term(t -> t.field("company").value(company))));
        filters.add(Query.of(q -> q.range(r -> r.number(n -> n.field("timestamp").gte((double) from)
                .lte((double) to)))));
        if (workers != null && !workers.isEmpty()) {
            filters.add(Query.of(q -> q.terms(t -> t.field("worker")
                    .terms(v -> v.value(workers.stream().map(FieldValue::of).toList())))));
        }
        return filters;
    }

    private List<Hit<JsonNode>> search(List<Query> filters) {
        index.ensure();
        try {
            SearchResponse<JsonNode> response = client.search(s -> s.index(INDEX).size(MAX_READ)
                    .query(q -> q.bool(b -> b.filter(filters)))
                    .sort(o -> o.field(f -> f.field("timestamp").order(SortOrder.Asc))), JsonNode.class);
            return response.hits().hits();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
