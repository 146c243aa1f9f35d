package io.xstore.query.events;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.CompositeAggregate;
import co.elastic.clients.elasticsearch._types.aggregations.CompositeAggregationSource;
import co.elastic.clients.elasticsearch._types.aggregations.CompositeBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.search.ResponseBody;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Walks every distinct combination of some keyword fields (task, metric, variant ...) with a composite aggregation,
 * page by page, so there is no cap on how many metrics or variants a task may have.
 */
final class CompositePages {

    static final int PAGE = 1000;
    private static final String NAME = "keys";

    private CompositePages() {
    }

    /** One combination: its field values by field name and its sub-aggregations. */
    record Group(Map<String, String> key, CompositeBucket bucket) {

        String get(String field) {
            return key.get(field);
        }

        long count() {
            return bucket.docCount();
        }
    }

    static void forEach(EventSearch search, List<String> indices, Query query, List<String> fields,
                        Map<String, Aggregation> subAggregations, int pageSize, Consumer<Group> consumer) {
        List<Map<String, CompositeAggregationSource>> sources = new ArrayList<>();
        for (String field : fields) {
            sources.add(Map.of(field, CompositeAggregationSource.of(s -> s.terms(t -> t.field(field)))));
        }
        Map<String, FieldValue> after = null;
        while (true) {
            Map<String, FieldValue> from = after;
            ResponseBody<Map<String, Object>> response = search.search(indices, b -> b.size(0).query(query)
                    .aggregations(NAME, a -> {
                        a.composite(c -> {
                            c.sources(sources).size(pageSize);
                            if (from != null) {
                                c.after(from);
                            }
                            return c;
                        });
                        if (!subAggregations.isEmpty()) {
                            a.aggregations(subAggregations);
                        }
                        return a;
                    }));
            if (response.aggregations() == null || !response.aggregations().containsKey(NAME)) {
                return;
            }
            CompositeAggregate composite = response.aggregations().get(NAME).composite();
            List<CompositeBucket> buckets = composite.buckets().array();
            for (CompositeBucket bucket : buckets) {
                Map<String, String> key = new LinkedHashMap<>();
                bucket.key().forEach((field, value) -> key.put(field, text(value)));
                consumer.accept(new Group(key, bucket));
            }
            if (buckets.size() < pageSize || composite.afterKey() == null || composite.afterKey().isEmpty()) {
                return;
            }
            after = composite.afterKey();
        }
    }

    static void forEach(EventSearch search, List<String> indices, Query query, List<String> fields,
                        Consumer<Group> consumer) {
        forEach(search, indices, query, fields, Map.of(), PAGE, consumer);
    }

    private static String text(FieldValue value) {
        if (value.isString()) {
            return value.stringValue();
        }
        if (value.isLong()) {
            return Long.toString(value.longValue());
        }
        return value.isNull() ? null : String.valueOf(value._get());
    }
}
