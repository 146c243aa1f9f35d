package io.xstore.query.events;

import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.FiltersBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.search.ResponseBody;
import co.elastic.clients.json.JsonData;
import io.xstore.readmodel.events.EventFields;
import io.xstore.readmodel.events.EventIndices;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The SDK reuses debug image file names (a history of 100 per metric/variant), so an old event may point at a file
 * that a newer image has overwritten. For each variant: take the URL of its latest image; if the same URL was also
 * reported at an earlier iteration, every image of the variant at or before that iteration is invalid.
 * This finds that "invalid up to" iteration per variant.
 */
@Component
public class UrlRecycling {

    private static final int FILTERS_PER_QUERY = 500;

    private final EventSearch search;

    public UrlRecycling(EventSearch search) {
        this.search = search;
    }

    private record Latest(VariantRef ref, String url, long iter) {
    }

    /**
     * The invalid-up-to iteration of each variant of the task's images with recycled URLs (others are absent).
     *
     * @param metrics the metrics to look at; all metrics of the task when null
     */
    @SuppressWarnings("unchecked")
    public Map<VariantRef, Long> invalidIterations(EventTarget target, List<String> metrics) {
        List<String> indices = List.of(EventIndices.index(EventIndices.IMAGE, target.indexCompany()));
        Query images = EventQueries.and(EventQueries.term(EventFields.TASK, target.id()),
                metrics == null ? null : EventQueries.terms(EventFields.METRIC, metrics));
        Aggregation newest = Aggregation.of(a -> a.topHits(t -> t.size(1)
                .sort(EventQueries.desc(EventFields.ITER), EventQueries.desc(EventFields.SEQ))
                .source(s -> s.filter(f -> f.includes(EventFields.URL, EventFields.ITER)))));
        List<Latest> latest = new ArrayList<>();
        CompositePages.forEach(search, indices, images, List.of(EventFields.METRIC, EventFields.VARIANT),
                Map.of("newest", newest), CompositePages.PAGE, group -> {
                    Aggregate top = group.bucket().aggregations().get("newest");
                    if (top == null || top.topHits().hits().hits().isEmpty()) {
                        return;
                    }
                    JsonData source = top.topHits().hits().hits().get(0).source();
                    Map<String, Object> event = source == null ? Map.of() : source.to(Map.class);
                    if (event.get(EventFields.URL) instanceof String url && !url.isEmpty()
                            && event.get(EventFields.ITER) instanceof Number iter) {
                        latest.add(new Latest(new VariantRef(group.get(EventFields.METRIC),
                                group.get(EventFields.VARIANT)), url, iter.longValue()));
                    }
                });
        Map<VariantRef, Long> invalid = new HashMap<>();
        for (int from = 0; from < latest.size(); from += FILTERS_PER_QUERY) {
            invalid.putAll(earlierUses(indices, target.id(),
                    latest.subList(from, Math.min(latest.size(), from + FILTERS_PER_QUERY))));
        }
        return invalid;
    }

    /** For each latest image, the latest earlier iteration that has its URL. */
    private Map<VariantRef, Long> earlierUses(List<String> indices, String task, List<Latest> latest) {
        Map<String, Query> filters = new LinkedHashMap<>();
        for (int i = 0; i < latest.size(); i++) {
            Latest item = latest.get(i);
            filters.put(Integer.toString(i), EventQueries.and(
                    EventQueries.term(EventFields.METRIC, item.ref().metric()),
                    EventQueries.term(EventFields.VARIANT, item.ref().variant()),
                    EventQueries.term(EventFields.URL, item.url()),
                    EventQueries.lessThan(EventFields.ITER, item.iter())));
        }
        ResponseBody<Map<String, Object>> response = search.search(indices, b -> b.size(0)
                .query(EventQueries.term(EventFields.TASK, task))
                .aggregations("uses", a -> a.filters(f -> f.filters(k -> k.keyed(filters)))
                        .aggregations("last", m -> m.max(x -> x.field(EventFields.ITER)))));
        Map<VariantRef, Long> invalid = new HashMap<>();
        Aggregate uses = response.aggregations() == null ? null : response.aggregations().get("uses");
        if (uses == null || !uses.isFilters()) {
            return invalid;
        }
        Map<String, FiltersBucket> buckets = uses.filters().buckets().keyed();
        for (int i = 0; i < latest.size(); i++) {
            FiltersBucket bucket = buckets.get(Integer.toString(i));
            if (bucket != null && bucket.docCount() > 0) {
                double last = bucket.aggregations().get("last").max().value();
                if (Double.isFinite(last)) {
                    invalid.put(latest.get(i).ref(), (long) last);
                }
            }
        }
        return invalid;
    }

    /** Only the images not invalidated by URL reuse; null (no filter) when nothing was reused. */
    public static Query validImages(Map<VariantRef, Long> invalid) {
        if (invalid.isEmpty()) {
            return null;
        }
        List<Query> recycled = new ArrayList<>();
        List<Query> alternatives = new ArrayList<>();
        invalid.forEach((ref, iter) -> {
            Query variant = EventQueries.and(EventQueries.term(EventFields.METRIC, ref.metric()),
                    EventQueries.term(EventFields.VARIANT, ref.variant()));
            recycled.add(variant);
            alternatives.add(EventQueries.and(variant, EventQueries.greaterThan(EventFields.ITER, iter)));
        });
        alternatives.add(EventQueries.not(EventQueries.or(recycled)));
        return EventQueries.or(alternatives);
    }
}
