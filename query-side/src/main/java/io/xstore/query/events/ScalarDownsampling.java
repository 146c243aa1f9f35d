package io.xstore.query.events;

import co.elastic.clients.elasticsearch._types.FieldValue;
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
 * each bucket becomes one point (docs/api/behaviour-rules.md, "Scalar histogram default"):
 * <ul>
 * <li>{@link Bucketing#MEAN} (the default, as the reference answers): x = the bucket's start, y = the mean value;</li>
 * <li>{@link Bucketing#MIN_MAX}: x and y of the bucket's last point, with the bucket's lowest and highest value
 * beside it, so a single bad iteration stays visible.</li>
 * </ul>
 * One histogram aggregation per long series, all in one multi-search; the last point comes from a {@code top_hits} of
 * size 1 read from sort values and doc values. The embedded node has neither {@code top_metrics} (x-pack) nor
 * scripts (painless).
 */
@Component
public class ScalarDownsampling {

    private static final List<String> SERIES_FIELDS = List.of(EventFields.TASK, EventFields.METRIC, EventFields.VARIANT,
            EventFields.ITER, EventFields.TIMESTAMP, EventFields.VALUE);

    private final EventSearch search;

    public ScalarDownsampling(EventSearch search) {
        this.search = search;
    }

    public Map<SeriesKey, ScalarSeries> points(List<String> indices, List<SeriesExtent> series, ScalarKey key,
                                               int samples, Query pointFilter, Bucketing bucketing) {
        Map<SeriesKey, List<ScalarPoint>> whole = new LinkedHashMap<>();
        series.forEach(extent -> whole.put(extent.key(), new ArrayList<>()));
        List<SeriesExtent> longSeries = series.stream().filter(e -> e.interval(samples) > 0).toList();
        if (longSeries.size() < series.size()) {
            readShortSeries(indices, pointFilter, longSeries, key, whole);
        }
        List<SearchRequest> requests = new ArrayList<>();
        for (SeriesExtent extent : longSeries) {
            requests.add(request(indices, extent, key, samples, bucketing));
        }
        List<ResponseBody<Map<String, Object>>> answers = search.searchAll(requests);
        Map<SeriesKey, ScalarSeries> result = new LinkedHashMap<>();
        whole.forEach((k, points) -> result.put(k, ScalarSeries.whole(points)));
        for (int i = 0; i < longSeries.size(); i++) {
            result.put(longSeries.get(i).key(), bucketing == Bucketing.MEAN ? means(answers.get(i))
                    : minMax(answers.get(i)));
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

    private static SearchRequest request(List<String> indices, SeriesExtent extent, ScalarKey key, int samples,
                                         Bucketing bucketing) {
        SeriesKey series = extent.key();
        Query filter = EventQueries.and(ScalarSeriesCatalog.pointFilter(List.of(series.task()), key, List.of()),
                EventQueries.term(EventFields.METRIC, series.metric()),
                EventQueries.term(EventFields.VARIANT, series.variant()));
        long interval = extent.interval(samples);
        String x = key.field();
        return EventSearch.request(indices).query(filter).size(0).aggregations("buckets", a -> {
            Aggregation.Builder.ContainerBuilder histogram = a.histogram(h -> h.field(x)
                    .interval((double) interval).minDocCount(1));
            if (bucketing == Bucketing.MEAN) {
                return histogram.aggregations("mean", m -> m.avg(v -> v.field(EventFields.VALUE)));
            }
            return histogram.aggregations("min", m -> m.min(v -> v.field(EventFields.VALUE)))
                    .aggregations("max", m -> m.max(v -> v.field(EventFields.VALUE)))
                    .aggregations("last", lastPoint(x));
        }).build();
    }

    /** The bucket's last event (highest x, then latest written); x from its sort values, the value from doc values. */
    private static Aggregation lastPoint(String x) {
        return Aggregation.of(t -> t.topHits(h -> h.size(1)
                .sort(EventQueries.desc(x), EventQueries.desc(EventFields.SEQ))
                .source(s -> s.fetch(false)).storedFields("_none_")
                .docvalueFields(f -> f.field(EventFields.VALUE))));
    }

    private static List<HistogramBucket> buckets(ResponseBody<Map<String, Object>> answer) {
        Aggregate buckets = answer.aggregations() == null ? null : answer.aggregations().get("buckets");
        return buckets == null || !buckets.isHistogram() ? List.of() : buckets.histogram().buckets().array();
    }

    /** One point per bucket at the bucket's start, with the bucket's mean value. */
    private static ScalarSeries means(ResponseBody<Map<String, Object>> answer) {
        List<ScalarPoint> points = new ArrayList<>();
        for (HistogramBucket bucket : buckets(answer)) {
            Aggregate mean = bucket.aggregations().get("mean");
            if (mean != null && mean.isAvg() && !Double.isNaN(mean.avg().value())) {
                points.add(new ScalarPoint((long) Math.floor(bucket.key()), mean.avg().value()));
            }
        }
        return ScalarSeries.whole(points);
    }

    /** One point per bucket at its last point, with the bucket's lowest and highest value aligned with it. */
    private static ScalarSeries minMax(ResponseBody<Map<String, Object>> answer) {
        List<ScalarPoint> points = new ArrayList<>();
        List<Double> lows = new ArrayList<>();
        List<Double> highs = new ArrayList<>();
        for (HistogramBucket bucket : buckets(answer)) {
            ScalarPoint last = last(bucket);
            Aggregate min = bucket.aggregations().get("min");
            Aggregate max = bucket.aggregations().get("max");
            if (last == null || min == null || max == null) {
                continue;
            }
            points.add(last);
            lows.add(min.min().value());
            highs.add(max.max().value());
        }
        return new ScalarSeries(points, lows, highs);
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
