package io.xstore.query.events;

import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.search.ResponseBody;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xstore.readmodel.events.EventFields;
import io.xstore.readmodel.events.EventIndices;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The single-sample viewers: {@code get/next_debug_image_sample} (one image of a metric/variant) and
 * {@code get/next_plot_sample} (all plots of a metric at one iteration). Navigation goes through the events in
 * (iteration, metric, variant) order - within the current metric, or all the task's metrics when
 * {@code navigate_current_metric} was false - or, with {@code next_iteration}, to the previous/next iteration of the
 * same metric (and variant), or of any metric when {@code navigate_current_metric} was false (going forward its
 * first metric, going back its last). Past either end the answer has no event and the scroll state stays where it
 * was (docs/api/behaviour-rules.md §3).
 * <p>
 * The scroll id is a signed token ({@link ScrollTokens}) with the current position; the valid ranges (URL reuse of
 * debug images) are re-read on every call, so {@code refresh} needs no extra work.
 */
@Component
public class HistorySamples {

    private static final String IMAGE_KIND = "image_sample";
    private static final String PLOT_KIND = "plot_sample";

    private final EventSearch search;
    private final ScrollTokens tokens;
    private final UrlRecycling recycling;

    public HistorySamples(EventSearch search, ScrollTokens tokens, UrlRecycling recycling) {
        this.search = search;
        this.tokens = tokens;
        this.recycling = recycling;
    }

    /** Where a viewer stands. {@code variant} is null for plots; {@code iter} null when nothing was found. */
    public record Position(String task, String metric, String variant, Long iter, boolean currentMetricOnly) {
    }

    /** The position held by a scroll id of the given viewer; 400/1104 for a bad or foreign one. */
    public Position resume(boolean images, String scrollId, String company, String task, boolean model) {
        ObjectNode state = tokens.open(scrollId, images ? IMAGE_KIND : PLOT_KIND, company);
        if (!task.equals(state.path("task").asText()) || state.path("model").asBoolean() != model) {
            throw ScrollTokens.invalid(scrollId);
        }
        return new Position(task, state.path("metric").asText(),
                state.hasNonNull("variant") ? state.get("variant").asText() : null,
                state.hasNonNull("iter") ? state.get("iter").asLong() : null,
                state.path("current_metric").asBoolean(true));
    }

    // ---- debug images

    /** {@code get_debug_image_sample}: the image at {@code iteration}, or the latest valid one. */
    public Map<String, Object> imageSample(EventTarget target, boolean model, String metric, String variant,
                                           Long iteration, boolean currentMetricOnly, String company) {
        Query valid = validImages(target, metric, currentMetricOnly);
        Query variantQuery = EventQueries.and(EventQueries.term(EventFields.TASK, target.id()),
                EventQueries.term(EventFields.METRIC, metric), EventQueries.term(EventFields.VARIANT, variant), valid);
        Map<String, Object> event = first(target, EventIndices.IMAGE, iteration == null ? variantQuery
                        : EventQueries.and(variantQuery, EventQueries.term(EventFields.ITER, iteration)),
                List.of(EventQueries.desc(EventFields.ITER), EventQueries.desc(EventFields.SEQ)));
        Long iter = event == null ? iteration : EventDocuments.longOrNull(event, EventFields.ITER);
        return imageAnswer(target, model, new Position(target.id(), metric, variant, iter, currentMetricOnly),
                event, valid, company);
    }

    /**
     * {@code next_debug_image_sample}: the neighbour of the current image; past either end {@code event: null} and
     * the scroll state stays where it was (docs/api/behaviour-rules.md §3).
     */
    public Map<String, Object> nextImage(EventTarget target, boolean model, Position at, boolean earlier,
                                         boolean nextIteration, String company) {
        Query valid = validImages(target, at.metric(), at.currentMetricOnly());
        Query scope = EventQueries.and(EventQueries.term(EventFields.TASK, target.id()), valid,
                at.currentMetricOnly() ? EventQueries.term(EventFields.METRIC, at.metric()) : null,
                at.currentMetricOnly() && nextIteration ? EventQueries.term(EventFields.VARIANT, at.variant()) : null);
        Map<String, Object> event = at.iter() == null ? null
                : neighbour(target, EventIndices.IMAGE, scope, at, earlier, !nextIteration, true);
        Position position = event == null ? at : new Position(at.task(),
                EventDocuments.stringOf(event, EventFields.METRIC), EventDocuments.stringOf(event, EventFields.VARIANT),
                EventDocuments.longOrNull(event, EventFields.ITER), at.currentMetricOnly());
        return imageAnswer(target, model, position, event, valid, company);
    }

    private Query validImages(EventTarget target, String metric, boolean currentMetricOnly) {
        return UrlRecycling.validImages(recycling.invalidIterations(target,
                currentMetricOnly ? List.of(metric) : null));
    }

    private Map<String, Object> imageAnswer(EventTarget target, boolean model, Position position,
                                            Map<String, Object> event, Query valid, String company) {
        long[] range = range(target, EventIndices.IMAGE, EventQueries.and(
                EventQueries.term(EventFields.TASK, target.id()),
                EventQueries.term(EventFields.METRIC, position.metric()),
                EventQueries.term(EventFields.VARIANT, position.variant()), valid));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("scroll_id", token(IMAGE_KIND, position, model, company));
        result.put("event", event);
        result.put("min_iteration", range == null ? null : range[0]);
        result.put("max_iteration", range == null ? null : range[1]);
        return result;
    }

    // ---- plots

    /** {@code get_plot_sample}: all plots of the metric at {@code iteration}, or at its latest iteration. */
    public Map<String, Object> plotSample(EventTarget target, boolean model, String metric, Long iteration,
                                          boolean currentMetricOnly, String company) {
        Long iter = iteration;
        if (iter == null) {
            Map<String, Object> latest = first(target, EventIndices.PLOT, EventQueries.and(
                    EventQueries.term(EventFields.TASK, target.id()), EventQueries.term(EventFields.METRIC, metric)),
                    List.of(EventQueries.desc(EventFields.ITER), EventQueries.desc(EventFields.SEQ)));
            iter = latest == null ? null : EventDocuments.longOrNull(latest, EventFields.ITER);
        }
        return plotAnswer(target, model, new Position(target.id(), metric, null, iter, currentMetricOnly), true,
                company);
    }

    /**
     * {@code next_plot_sample}: the plots of the neighbouring iteration (or metric); past either end {@code events: []}
     * and the scroll state stays where it was.
     */
    public Map<String, Object> nextPlot(EventTarget target, boolean model, Position at, boolean earlier,
                                        boolean nextIteration, String company) {
        Query scope = EventQueries.and(EventQueries.term(EventFields.TASK, target.id()),
                at.currentMetricOnly() ? EventQueries.term(EventFields.METRIC, at.metric()) : null);
        Map<String, Object> event = at.iter() == null ? null
                : neighbour(target, EventIndices.PLOT, scope, at, earlier, !nextIteration, false);
        if (event == null) {
            return plotAnswer(target, model, at, false, company);
        }
        return plotAnswer(target, model, new Position(at.task(), EventDocuments.stringOf(event, EventFields.METRIC),
                null, EventDocuments.longOrNull(event, EventFields.ITER), at.currentMetricOnly()), true, company);
    }

    /** The plots at the position ({@code withEvents} false: none, at an end of navigation) and its scroll id. */
    private Map<String, Object> plotAnswer(EventTarget target, boolean model, Position position, boolean withEvents,
                                           String company) {
        Query metric = EventQueries.and(EventQueries.term(EventFields.TASK, target.id()),
                EventQueries.term(EventFields.METRIC, position.metric()));
        List<Map<String, Object>> events = new ArrayList<>();
        if (withEvents && position.iter() != null) {
            search.all(List.of(EventIndices.index(EventIndices.PLOT, target.indexCompany())),
                    EventQueries.and(metric, EventQueries.term(EventFields.ITER, position.iter())),
                    List.of(EventQueries.asc(EventFields.VARIANT), EventQueries.asc(EventFields.SEQ)), null,
                    Integer.MAX_VALUE).forEach(e -> events.add(EventDocuments.toWire(e)));
        }
        long[] range = range(target, EventIndices.PLOT, metric);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("scroll_id", token(PLOT_KIND, position, model, company));
        result.put("events", events);
        result.put("min_iteration", range == null ? null : range[0]);
        result.put("max_iteration", range == null ? null : range[1]);
        return result;
    }

    // ---- shared

    /**
     * The event right before (or after) the position in (iter, metric[, variant]) order among {@code scope}; with
     * {@code sameIteration} false, only other iterations count (the next/previous iteration).
     */
    private Map<String, Object> neighbour(EventTarget target, String type, Query scope, Position at, boolean earlier,
                                          boolean sameIteration, boolean byVariant) {
        long iter = at.iter();
        List<Query> alternatives = new ArrayList<>();
        alternatives.add(earlier ? EventQueries.lessThan(EventFields.ITER, iter)
                : EventQueries.greaterThan(EventFields.ITER, iter));
        if (sameIteration) {
            Query here = EventQueries.term(EventFields.ITER, iter);
            alternatives.add(EventQueries.and(here, earlier
                    ? EventQueries.keywordLessThan(EventFields.METRIC, at.metric())
                    : EventQueries.keywordGreaterThan(EventFields.METRIC, at.metric())));
            if (byVariant) {
                alternatives.add(EventQueries.and(here, EventQueries.term(EventFields.METRIC, at.metric()), earlier
                        ? EventQueries.keywordLessThan(EventFields.VARIANT, at.variant())
                        : EventQueries.keywordGreaterThan(EventFields.VARIANT, at.variant())));
            }
        }
        SortOrder order = earlier ? SortOrder.Desc : SortOrder.Asc;
        return first(target, type, EventQueries.and(scope, EventQueries.or(alternatives)),
                List.of(EventQueries.sort(EventFields.ITER, order), EventQueries.sort(EventFields.METRIC, order),
                        EventQueries.sort(EventFields.VARIANT, order), EventQueries.sort(EventFields.SEQ, order)));
    }

    private Map<String, Object> first(EventTarget target, String type, Query query, List<SortOptions> sort) {
        List<Hit<Map<String, Object>>> hits = search.search(List.of(EventIndices.index(type, target.indexCompany())),
                b -> b.query(query).sort(sort).size(1)).hits().hits();
        return hits.isEmpty() ? null : EventDocuments.toWire(hits.get(0).source());
    }

    /** {min iter, max iter} of the matching events, null when there are none. */
    private long[] range(EventTarget target, String type, Query query) {
        ResponseBody<Map<String, Object>> response = search.search(
                List.of(EventIndices.index(type, target.indexCompany())), b -> b.size(0)
                        .query(EventQueries.and(query, EventQueries.realIterations()))
                        .aggregations("min", a -> a.min(m -> m.field(EventFields.ITER)))
                        .aggregations("max", a -> a.max(m -> m.field(EventFields.ITER)))
                        .aggregations("count", a -> a.valueCount(m -> m.field(EventFields.ITER))));
        // no events: null bounds (the min and max of no documents read as 0)
        Aggregate count = response.aggregations() == null ? null : response.aggregations().get("count");
        if (count == null || count.valueCount().value() == 0) {
            return null;
        }
        Aggregate min = response.aggregations().get("min");
        Aggregate max = response.aggregations().get("max");
        if (min == null || max == null || !Double.isFinite(min.min().value()) || !Double.isFinite(max.max().value())) {
            return null;
        }
        return new long[] {(long) min.min().value(), (long) max.max().value()};
    }

    private String token(String kind, Position position, boolean model, String company) {
        ObjectNode state = ScrollTokens.newState();
        state.put("task", position.task());
        state.put("model", model);
        state.put("metric", position.metric());
        if (position.variant() != null) {
            state.put("variant", position.variant());
        }
        if (position.iter() != null) {
            state.put("iter", position.iter());
        }
        state.put("current_metric", position.currentMetricOnly());
        return tokens.issue(kind, company, state);
    }
}
