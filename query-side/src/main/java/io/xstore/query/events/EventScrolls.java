package io.xstore.query.events;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.search.ResponseBody;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xstore.readmodel.events.EventFields;
import io.xstore.readmodel.events.EventIndices;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The scrolled reads of raw events: {@code get_task_events}, {@code get_scalar_metric_data} and
 * {@code scalar_metrics_iter_raw}. The scroll id is a signed token ({@link ScrollTokens}) holding the original
 * request and the sort values of the last event returned; the next call continues with search_after from there.
 * An exhausted scroll answers {@code returned: 0} with the same scroll id.
 */
@Component
public class EventScrolls {

    static final String TASK_EVENTS = "task_events";
    static final String METRIC_DATA = "scalar_metric_data";
    static final String RAW = "scalar_raw";

    private static final List<String> RAW_FIELDS = List.of(EventFields.VARIANT, EventFields.ITER,
            EventFields.TIMESTAMP, EventFields.VALUE);

    private final EventSearch search;
    private final ScrollTokens tokens;

    public EventScrolls(EventSearch search, ScrollTokens tokens) {
        this.search = search;
        this.tokens = tokens;
    }

    /** What a scrolled read reads; kept whole in its token. */
    public record Request(String task, boolean model, List<String> types, List<MetricVariants> metrics,
                          boolean ascending, int batchSize, boolean countTotal, ScalarKey key) {
    }

    /** A request and where it stopped (null: at the start). */
    public record Position(Request request, List<FieldValue> after) {
    }

    /** A new scroll: the request, at its start. */
    public static Position start(Request request) {
        return new Position(request, null);
    }

    /** The request and position held by a token of {@code kind}; 400/1104 for a bad or foreign token. */
    public Position resume(String kind, String token, String company, String task) {
        ObjectNode state = tokens.open(token, kind, company);
        try {
            Request request = new Request(state.path("task").asText(), state.path("model").asBoolean(),
                    strings(state.get("types")), metrics(state.get("metrics")), state.path("asc").asBoolean(),
                    state.path("batch").asInt(), state.path("count").asBoolean(),
                    state.hasNonNull("key") ? ScalarKey.of(state.get("key").asText()) : ScalarKey.ITER);
            if (!request.task().equals(task) || request.batchSize() < 1) {
                throw ScrollTokens.invalid(token);
            }
            return new Position(request, SortValues.fromJson(state.get("after")));
        } catch (IllegalArgumentException e) {
            throw ScrollTokens.invalid(token);
        }
    }

    /** {@code get_task_events}: events of any types by iteration, then time. */
    public Map<String, Object> taskEvents(EventTargets targets, Position position, String company) {
        Request request = position.request();
        SortOrder order = request.ascending() ? SortOrder.Asc : SortOrder.Desc;
        List<SortOptions> sort = List.of(EventQueries.sort(EventFields.ITER, order),
                EventQueries.sort(EventFields.TIMESTAMP, order), EventQueries.sort(EventFields.SEQ, order));
        Query query = EventQueries.and(EventQueries.term(EventFields.TASK, request.task()),
                EventQueries.metrics(request.metrics()));
        return events(TASK_EVENTS, targets.indices(request.types()), query, sort, position, company);
    }

    /** {@code get_scalar_metric_data}: scalar events of one metric by iteration, latest first. */
    public Map<String, Object> metricData(EventTargets targets, Position position, String company, boolean noScroll) {
        Request request = position.request();
        List<SortOptions> sort = List.of(EventQueries.desc(EventFields.ITER), EventQueries.desc(EventFields.SEQ));
        Query query = EventQueries.and(EventQueries.term(EventFields.TASK, request.task()),
                EventQueries.metrics(request.metrics()));
        Map<String, Object> result = events(METRIC_DATA, targets.indices(EventIndices.SCALAR), query, sort, position,
                company);
        if (noScroll) {
            result.put("scroll_id", null);
        }
        return result;
    }

    private Map<String, Object> events(String kind, List<String> indices, Query query, List<SortOptions> sort,
                                       Position position, String company) {
        Request request = position.request();
        ResponseBody<Map<String, Object>> response = search.search(indices, b -> {
            b.query(query).sort(sort).size(request.batchSize());
            if (request.countTotal()) {
                b.trackTotalHits(t -> t.enabled(true));
            }
            if (position.after() != null) {
                b.searchAfter(position.after());
            }
            return b;
        });
        List<Hit<Map<String, Object>>> hits = response.hits().hits();
        List<FieldValue> last = hits.isEmpty() ? position.after() : hits.get(hits.size() - 1).sort();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("events", EventDocuments.toWire(hits));
        result.put("returned", hits.size());
        result.put("total", request.countTotal() && response.hits().total() != null
                ? response.hits().total().value() : null);
        result.put("scroll_id", token(kind, request, last, company));
        return result;
    }

    /**
     * {@code scalar_metrics_iter_raw}: up to {@code batch_size} points of one metric in x order, as
     * {@code {variant: {y: [...], <key>: [...]}}}; single values included.
     */
    public Map<String, Object> rawPoints(EventTargets targets, Position position, String company) {
        Request request = position.request();
        ScalarKey key = request.key();
        List<SortOptions> sort = List.of(EventQueries.asc(key.field()), EventQueries.asc(EventFields.SEQ));
        Query query = EventQueries.and(EventQueries.term(EventFields.TASK, request.task()),
                EventQueries.metrics(request.metrics()));
        Query total = request.countTotal() ? query : null;
        Map<String, Map<String, List<Object>>> variants = new LinkedHashMap<>();
        int returned = 0;
        List<FieldValue> last = position.after();
        List<String> indices = targets.indices(EventIndices.SCALAR);
        while (returned < request.batchSize()) {
            int size = Math.min(EventSearch.MAX_PAGE, request.batchSize() - returned);
            List<FieldValue> from = last;
            List<Hit<Map<String, Object>>> hits = search.search(indices, b -> {
                b.query(query).sort(sort).size(size).source(s -> s.filter(f -> f.includes(RAW_FIELDS)));
                if (from != null) {
                    b.searchAfter(from);
                }
                return b;
            }).hits().hits();
            for (Hit<Map<String, Object>> hit : hits) {
                Map<String, Object> source = hit.source();
                Map<String, List<Object>> series = variants.computeIfAbsent(
                        EventDocuments.stringOf(source, EventFields.VARIANT), v -> newSeries(key));
                Long x = EventDocuments.longOrNull(source, key.field());
                series.get(key.wireName()).add(x == null ? null : key.wireValue(x));
                series.get("y").add(source.get(EventFields.VALUE));
            }
            returned += hits.size();
            if (!hits.isEmpty()) {
                last = hits.get(hits.size() - 1).sort();
            }
            if (hits.size() < size) {
                break;
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("returned", returned);
        result.put("total", total == null ? null : search.count(indices, total, Integer.MAX_VALUE));
        result.put("scroll_id", token(RAW, request, last, company));
        result.put("variants", variants);
        return result;
    }

    private static Map<String, List<Object>> newSeries(ScalarKey key) {
        Map<String, List<Object>> series = new LinkedHashMap<>();
        series.put("y", new ArrayList<>());
        series.put(key.wireName(), new ArrayList<>());
        return series;
    }

    private String token(String kind, Request request, List<FieldValue> after, String company) {
        ObjectNode state = ScrollTokens.newState();
        state.put("task", request.task());
        state.put("model", request.model());
        ArrayNode types = state.putArray("types");
        request.types().forEach(types::add);
        ArrayNode metrics = state.putArray("metrics");
        for (MetricVariants entry : request.metrics()) {
            ObjectNode item = metrics.addObject();
            item.put("metric", entry.metric());
            ArrayNode variants = item.putArray("variants");
            entry.variants().forEach(variants::add);
        }
        state.put("asc", request.ascending());
        state.put("batch", request.batchSize());
        state.put("count", request.countTotal());
        state.put("key", request.key().wireName());
        if (after != null) {
            state.set("after", SortValues.toJson(after));
        }
        return tokens.issue(kind, company, state);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(node -> values.add(node.asText()));
        }
        return values;
    }

    private static List<MetricVariants> metrics(JsonNode array) {
        List<MetricVariants> values = new ArrayList<>();
        if (array != null && array.isArray()) {
            for (JsonNode item : array) {
                values.add(new MetricVariants(item.hasNonNull("metric") ? item.get("metric").asText() : null,
                        strings(item.get("variants"))));
            }
        }
        return values;
    }
}
