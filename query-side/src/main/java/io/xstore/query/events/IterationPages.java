package io.xstore.query.events;

import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.LongTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.search.ResponseBody;
import co.elastic.clients.util.NamedValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xstore.protocol.ApiException;
import io.xstore.readmodel.events.EventFields;
import io.xstore.readmodel.events.EventIndices;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The iterators of {@code events.debug_images} and {@code events.plots}: page by page through the iterations of the
 * requested tasks, latest first (docs/api/behaviour-rules.md §3). The first call (or {@code refresh}) returns the
 * latest {@code iters} iterations of each task, counted across all its requested metrics; a call with the returned
 * {@code scroll_id} returns the {@code iters} iterations before the task's previous page ({@code navigate_earlier},
 * default) or after it. Every requested task has an entry, {@code {task, iterations: []}} when it has nothing. Debug
 * images skip what URL reuse invalidated.
 * <p>
 * The state (the requested tasks; per task metric: the task's last page range and the invalid-up-to iterations)
 * travels in the scroll id itself, a signed token ({@link ScrollTokens}) of one kind for images and plots: a scroll
 * id of either iterator is accepted by both, and one that is unknown, expired or of the other iterator starts the
 * iterator afresh.
 */
@Component
public class IterationPages {

    private static final String KIND = "iterator";

    private final EventSearch search;
    private final ScrollTokens tokens;
    private final UrlRecycling recycling;
    private final MetricLists metricLists;

    public IterationPages(EventSearch search, ScrollTokens tokens, UrlRecycling recycling, MetricLists metricLists) {
        this.search = search;
        this.tokens = tokens;
        this.recycling = recycling;
        this.metricLists = metricLists;
    }

    /** Where a scroll id left an iterator: the requested tasks and the state per task metric. */
    public record Resumed(List<String> tasks, List<MetricIterationState> states) {
    }

    /** The state a scroll id holds for this iterator, or null when it cannot be continued (then start afresh). */
    public Resumed resume(String type, String scrollId, String company, boolean model) {
        if (scrollId == null) {
            return null;
        }
        ObjectNode token;
        try {
            token = tokens.open(scrollId, KIND, company);
        } catch (ApiException e) {
            return null;
        }
        if (token.path("model").asBoolean() != model || !type.equals(token.path("type").asText())) {
            return null;
        }
        try {
            List<MetricIterationState> states = new ArrayList<>();
            for (JsonNode node : token.path("states")) {
                states.add(MetricIterationState.fromJson(node));
            }
            Set<String> tasks = new LinkedHashSet<>();
            token.path("tasks").forEach(t -> tasks.add(t.asText()));
            states.forEach(state -> tasks.add(state.task()));
            return new Resumed(new ArrayList<>(tasks), states);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * @param entries  the request's metrics (used for a new iterator or a refresh)
     * @param resumed  what the request's scroll id holds, or null
     */
    public Map<String, Object> page(String type, EventTargets targets, List<IteratorEntry> entries, int iters,
                                    boolean navigateEarlier, boolean refresh, Resumed resumed, String company) {
        boolean fresh = resumed == null || refresh;
        List<String> tasks;
        List<MetricIterationState> states;
        if (!fresh) {
            tasks = resumed.tasks();
            states = resumed.states();
        } else if (entries.isEmpty() && resumed != null) {
            tasks = resumed.tasks();
            states = restart(type, targets, resumed.states());
        } else {
            tasks = entries.stream().map(IteratorEntry::task).distinct().toList();
            states = start(type, targets, entries);
        }
        boolean earlier = fresh || navigateEarlier;
        Map<String, List<Long>> pages = nextIterations(type, targets, states, iters, earlier, fresh);
        List<Query> selections = new ArrayList<>();
        List<MetricIterationState> moved = new ArrayList<>();
        for (MetricIterationState state : states) {
            List<Long> iterations = pages.getOrDefault(state.task(), List.of());
            if (iterations.isEmpty()) {
                moved.add(state);
                continue;
            }
            moved.add(state.withPage(iterations.stream().min(Long::compare).orElseThrow(),
                    iterations.stream().max(Long::compare).orElseThrow()));
            selections.add(EventQueries.and(filter(state), EventQueries.longTerms(EventFields.ITER, iterations)));
        }
        List<Map<String, Object>> events = fetch(type, targets, selections);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("scroll_id", issue(type, targets.models(), tasks, moved, company));
        result.put("metrics", byTaskAndIteration(tasks, events));
        return result;
    }

    private String issue(String type, boolean model, List<String> tasks, List<MetricIterationState> states,
                         String company) {
        ObjectNode token = ScrollTokens.newState();
        token.put("type", type);
        token.put("model", model);
        ArrayNode taskList = token.putArray("tasks");
        tasks.forEach(taskList::add);
        ArrayNode list = token.putArray("states");
        states.forEach(state -> list.add(state.toJson()));
        return tokens.issue(KIND, company, token);
    }

    /** New states for the request's entries: named metrics as given, an entry without metric means all of them. */
    private List<MetricIterationState> start(String type, EventTargets targets, List<IteratorEntry> entries) {
        Map<String, Map<String, Set<String>>> wanted = new LinkedHashMap<>();
        for (IteratorEntry entry : entries) {
            Map<String, Set<String>> metrics = wanted.computeIfAbsent(entry.task(), t -> new TreeMap<>());
            List<String> names = entry.metric() != null ? List.of(entry.metric())
                    : new ArrayList<>(metricLists.variantsByMetric(
                            new EventTargets(List.of(targets.get(entry.task())), targets.models()), List.of(type),
                            null).keySet());
            for (String name : names) {
                Set<String> variants = metrics.get(name);
                if (variants == null) {
                    metrics.put(name, new LinkedHashSet<>(entry.variants()));
                } else if (variants.isEmpty() || entry.variants().isEmpty()) {
                    variants.clear();
                } else {
                    variants.addAll(entry.variants());
                }
            }
        }
        List<MetricIterationState> states = new ArrayList<>();
        wanted.forEach((task, metrics) -> {
            Map<VariantRef, Long> invalid = EventIndices.IMAGE.equals(type) && !metrics.isEmpty()
                    ? recycling.invalidIterations(targets.get(task), new ArrayList<>(metrics.keySet())) : Map.of();
            metrics.forEach((metric, variants) -> {
                Map<String, Long> ofMetric = new TreeMap<>();
                invalid.forEach((ref, iter) -> {
                    if (ref.metric().equals(metric)) {
                        ofMetric.put(ref.variant(), iter);
                    }
                });
                states.add(new MetricIterationState(task, metric, new ArrayList<>(variants), null, null, ofMetric));
            });
        });
        return states;
    }

    /** A refresh without entries: the same task metrics, from the latest iterations, invalid ranges re-read. */
    private List<MetricIterationState> restart(String type, EventTargets targets, List<MetricIterationState> old) {
        List<IteratorEntry> entries = old.stream()
                .map(s -> new IteratorEntry(s.task(), s.metric(), s.variants())).toList();
        return start(type, targets, entries);
    }

    /** The filter of one state's valid events (before any iteration range). */
    private static Query filter(MetricIterationState state) {
        Map<VariantRef, Long> invalid = new LinkedHashMap<>();
        state.invalid().forEach((variant, iter) -> invalid.put(new VariantRef(state.metric(), variant), iter));
        return EventQueries.and(EventQueries.term(EventFields.TASK, state.task()),
                EventQueries.metricVariants(new MetricVariants(state.metric(), state.variants())),
                UrlRecycling.validImages(invalid));
    }

    /**
     * Per task, the iterations of its next page: {@code iters} iterations counted across all the task's metrics,
     * before (or after) the task's previous page (one multi-search for all tasks).
     */
    private Map<String, List<Long>> nextIterations(String type, EventTargets targets,
                                                   List<MetricIterationState> states, int iters, boolean earlier,
                                                   boolean fresh) {
        Map<String, List<MetricIterationState>> byTask = new LinkedHashMap<>();
        states.forEach(state -> byTask.computeIfAbsent(state.task(), t -> new ArrayList<>()).add(state));
        List<String> order = new ArrayList<>(byTask.keySet());
        List<SearchRequest> requests = new ArrayList<>();
        for (String task : order) {
            List<MetricIterationState> ofTask = byTask.get(task);
            MetricIterationState position = ofTask.stream().filter(s -> s.min() != null).findFirst().orElse(null);
            Query range = fresh || position == null ? EventQueries.realIterations() : earlier
                    ? EventQueries.lessThan(EventFields.ITER, position.min())
                    : EventQueries.greaterThan(EventFields.ITER, position.max());
            Query metrics = EventQueries.or(ofTask.stream().map(IterationPages::filter).toList());
            List<String> indices = List.of(EventIndices.index(type, targets.get(task).indexCompany()));
            requests.add(EventSearch.request(indices).size(0).query(EventQueries.and(metrics, range))
                    .aggregations("iters", a -> a.terms(t -> t.field(EventFields.ITER).size(iters)
                            .order(List.of(NamedValue.of("_key", earlier ? SortOrder.Desc : SortOrder.Asc)))))
                    .build());
        }
        Map<String, List<Long>> pages = new LinkedHashMap<>();
        List<ResponseBody<Map<String, Object>>> responses = search.searchAll(requests);
        for (int i = 0; i < order.size(); i++) {
            ResponseBody<Map<String, Object>> response = responses.get(i);
            List<Long> iterations = new ArrayList<>();
            Aggregate terms = response.aggregations() == null ? null : response.aggregations().get("iters");
            if (terms != null && terms.isLterms()) {
                for (LongTermsBucket bucket : terms.lterms().buckets().array()) {
                    iterations.add(bucket.key());
                }
            }
            pages.put(order.get(i), iterations);
        }
        return pages;
    }

    private List<Map<String, Object>> fetch(String type, EventTargets targets, List<Query> selections) {
        List<Map<String, Object>> events = new ArrayList<>();
        List<String> indices = targets.indices(type);
        for (int from = 0; from < selections.size(); from += 100) {
            Query chunk = EventQueries.or(selections.subList(from, Math.min(selections.size(), from + 100)));
            search.all(indices, chunk, List.of(EventQueries.desc(EventFields.ITER), EventQueries.asc(EventFields.SEQ)),
                    null, Integer.MAX_VALUE).forEach(e -> events.add(EventDocuments.toWire(e)));
        }
        return events;
    }

    /** {@code [{task, iterations: [{iter, events}]}]}: every task of the iterator, latest iteration first. */
    private static List<Map<String, Object>> byTaskAndIteration(List<String> tasks,
                                                               List<Map<String, Object>> events) {
        Map<String, TreeMap<Long, List<Map<String, Object>>>> byTask = new LinkedHashMap<>();
        tasks.forEach(task -> byTask.computeIfAbsent(task, t -> new TreeMap<>(Comparator.reverseOrder())));
        for (Map<String, Object> event : events) {
            TreeMap<Long, List<Map<String, Object>>> iterations = byTask.get(EventDocuments.stringOf(event,
                    EventFields.TASK));
            if (iterations != null) {
                iterations.computeIfAbsent(EventDocuments.longOf(event, EventFields.ITER, 0), i -> new ArrayList<>())
                        .add(event);
            }
        }
        List<Map<String, Object>> result = new ArrayList<>();
        byTask.forEach((task, iterations) -> {
            List<Map<String, Object>> list = new ArrayList<>();
            iterations.forEach((iter, ofIteration) -> {
                ofIteration.sort(EventOrder.METRIC_VARIANT);
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("iter", iter);
                item.put("events", ofIteration);
                list.add(item);
            });
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("task", task);
            entry.put("iterations", list);
            result.add(entry);
        });
        return result;
    }
}
