package io.xstore.query.events;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.HistogramBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.search.ResponseBody;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;
import io.xstore.readmodel.events.EventFields;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The points of scalar series for a chart of about {@code samples} points. A series of at most {@code samples}
 * points is returned whole (all such series are read in one sorted sweep). A longer one is cut into buckets of
 * {@code interval = ceil((max x - min x + 1) / samples)} by {@code floor(x / interval)} (empty buckets dropped), and
 * each bucket is represented by its lowest, highest and last point at their own x ({@link BucketPoints}) - so a
 * single bad iteration stays visible.
 * <p>
 * Each bucket's three points come from {@code top_hits} of size 1 under a histogram aggregation, read from sort
 * values and doc values without touching stored fields; one search per long series, all in one multi-search. The
 * embedded node has neither {@code top_metrics} (x-pack) nor scripts (painless).
 */
@Component
public class ScalarDownsampling {

    private static final List<String> SERIES_FIELDS = List.of(EventFields.TASK, EventFields.METRIC, EventFields.VARIANT,
            EventFields.ITER, EventFields.TIMESTAMP, EventFields.VALUE);

    private final EventSearch search;

    public ScalarDownsampling(EventSearch search) {
        this.search = search;
    }

    public Map<SeriesKey, List<ScalarPoint>> points(List<String> indices, List<SeriesExtent> series, ScalarKey key,
                                                    int samples, Query pointFilter) {
        Map<SeriesKey, List<ScalarPoint>> result = new LinkedHashMap<>();
        series.forEach(extent -> result.put(extent.key(), new ArrayList<>()));
        List<SeriesExtent> longSeries = series.stream().filter(e -> e.interval(samples) > 0).toList();
        if (longSeries.size() < series.size()) {
            readShortSeries(indices, pointFilter, longSeries, key, result);
        }
        List<SearchRequest> requests = new ArrayList<>();
        for (SeriesExtent extent : longSeries) {
            requests.add(request(indices, extent, key, samples));
        }
        List<ResponseBody<Map<String, Object>>> answers = search.searchAll(requests);
        for (int i = 0; i < longSeries.size(); i++) {
            result.put(longSeries.get(i).key(), bucketed(answers.get(i)));
        }
        return result;
    }

    /**
     * Every point of the series short enough to be returned whole, in one sweep over the matching events sorted by
     * series and x (the long series left out).
     */
    private void readShortSeries(List<String> indices, Query pointFilter, List<SeriesExtent> longSeries, ScalarKey key,
                                 Map<SeriesKey, List<ScalarPoint>> result) {
        List<Query> excluded = new ArrayList<>();
        for (SeriesExtent extent : longSeries) {
            excluded.add(EventQueries.and(EventQueries.term(EventFields.TASK, extent.key().task()),
                    EventQueries.term(EventFields.METRIC, extent.key().metric()),
                    EventQueries.term(EventFields.VARIANT, extent.key().variant())));
        }
        Query query = excluded.isEmpty() ? pointFilter
                : EventQueries.and(pointFilter, EventQueries.not(EventQueries.or(excluded)));
        search.forEachPage(indices, query, List.of(EventQueries.asc(EventFields.TASK),
                        EventQueries.asc(EventFields.METRIC), EventQueries.asc(EventFields.VARIANT),
                        EventQueries.asc(key.field()), EventQueries.asc(EventFields.SEQ)), SERIES_FIELDS,
                EventSearch.MAX_PAGE, hits -> {
                    for (Hit<Map<String, Object>> hit : hits) {
                        Map<String, Object> source = hit.source();
                        List<ScalarPoint> points = result.get(new SeriesKey(
                                EventDocuments.stringOf(source, EventFields.TASK),
                                EventDocuments.stringOf(source, EventFields.METRIC),
                                EventDocuments.stringOf(source, EventFields.VARIANT)));
                        ScalarPoint point = point(source, key);
                        if (points != null && point != null) {
                            points.add(point);
                        }
                    }
                    return true;
                });
    }

    private static SearchRequest request(List<String> indices, SeriesExtent extent, ScalarKey key, int samples) {
        SeriesKey series = extent.key();
        Query filter = EventQueries.and(ScalarSeriesCatalog.pointFilter(List.of(series.task()), key, List.of()),
                EventQueries.term(EventFields.METRIC, series.metric()),
                EventQueries.term(EventFields.VARIANT, series.variant()));
        long interval = extent.interval(samples);
        String x = key.field();
        return EventSearch.request(indices).query(filter).size(0).aggregations("buckets", a -> a
                .histogram(h -> h.field(key.field()).interval((double) interval).minDocCount(1))
                .aggregations("min", byOrder(EventQueries.asc(EventFields.VALUE), EventQueries.asc(x), false))
                .aggregations("max", byOrder(EventQueries.desc(EventFields.VALUE), EventQueries.asc(x), false))
                .aggregations("last", byOrder(EventQueries.desc(x), EventQueries.desc(EventFields.SEQ), true)))
                .build();
    }

    /**
     * The first event of a bucket in the given order. Its sort values carry what is needed (value and x, or x), so
     * no stored field is read; the last point's value comes from doc values.
     */
    private static Aggregation byOrder(SortOptions first, SortOptions second, boolean withValue) {
        return Aggregation.of(t -> t.topHits(h -> {
            h.size(1).sort(first, second).source(s -> s.fetch(false)).storedFields("_none_");
            if (withValue) {
                h.docvalueFields(f -> f.field(EventFields.VALUE));
            }
            return h;
        }));
    }

    private static List<ScalarPoint> bucketed(ResponseBody<Map<String, Object>> answer) {
        List<ScalarPoint> points = new ArrayList<>();
        Aggregate buckets = answer.aggregations() == null ? null : answer.aggregations().get("buckets");
        if (buckets == null || !buckets.isHistogram()) {
            return points;
        }
        for (HistogramBucket bucket : buckets.histogram().buckets().array()) {
            points.addAll(BucketPoints.of(extreme(bucket, "min"), extreme(bucket, "max"), last(bucket)));
        }
        return points;
    }

    /** The lowest or highest point: sort values (value, x). */
    private static ScalarPoint extreme(HistogramBucket bucket, String name) {
        Hit<JsonData> hit = top(bucket, name);
        if (hit == null || hit.sort().size() < 2) {
            return null;
        }
        Double y = number(hit.sort().get(0));
        Double x = number(hit.sort().get(1));
        return x == null || y == null ? null : new ScalarPoint(x.longValue(), y);
    }

    /** The last point: sort values (x, seq) and the value from doc values. */
    @SuppressWarnings("unchecked")
    private static ScalarPoint last(HistogramBucket bucket) {
        Hit<JsonData> hit = top(bucket, "last");
        if (hit == null || hit.sort().isEmpty() || hit.fields().get(EventFields.VALUE) == null) {
            return null;
        }
        Double x = number(hit.sort().get(0));
        List<Object> values = hit.fields().get(EventFields.VALUE).to(List.class);
        return x == null || values.isEmpty() || !(values.get(0) instanceof Number y) ? null
                : new ScalarPoint(x.longValue(), y.doubleValue());
    }

    private static Hit<JsonData> top(HistogramBucket bucket, String name) {
        Aggregate aggregate = bucket.aggregations().get(name);
        if (aggregate == null || !aggregate.isTopHits() || aggregate.topHits().hits().hits().isEmpty()) {
            return null;
        }
        return aggregate.topHits().hits().hits().get(0);
    }

    private static Double number(FieldValue value) {
        return value.isLong() ? (double) value.longValue() : value.isDouble() ? value.doubleValue() : null;
    }

    private static ScalarPoint point(Map<String, Object> source, ScalarKey key) {
        if (source.get(key.field()) instanceof Number x && source.get(EventFields.VALUE) instanceof Number y) {
            return new ScalarPoint(x.longValue(), y.doubleValue());
        }
        return null;
    }
}
