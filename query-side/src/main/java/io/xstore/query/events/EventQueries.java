package io.xstore.query.events;

import co.elastic.clients.elasticsearch._types.FieldSort;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.mapping.FieldType;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.UntypedRangeQuery;
import co.elastic.clients.json.JsonData;
import io.xstore.readmodel.events.EventFields;
import io.xstore.readmodel.events.EventIndices;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/** Building blocks of the event queries. */
final class EventQueries {

    private EventQueries() {
    }

    /** Lucene's longest term: a longer value can never have been indexed, and Elasticsearch refuses to look for it. */
    private static final int MAX_TERM_BYTES = 32766;

    static Query term(String field, String value) {
        if (!indexable(value)) {
            return matchNone();
        }
        return Query.of(q -> q.term(t -> t.field(field).value(value)));
    }

    static Query term(String field, long value) {
        return Query.of(q -> q.term(t -> t.field(field).value(value)));
    }

    static Query terms(String field, Collection<String> values) {
        List<FieldValue> list = values.stream().filter(EventQueries::indexable).map(FieldValue::of).toList();
        if (list.isEmpty()) {
            return matchNone();
        }
        return Query.of(q -> q.terms(t -> t.field(field).terms(v -> v.value(list))));
    }

    private static boolean indexable(String value) {
        return value.length() * 3 <= MAX_TERM_BYTES
                || value.getBytes(StandardCharsets.UTF_8).length <= MAX_TERM_BYTES;
    }

    static Query longTerms(String field, Collection<Long> values) {
        List<FieldValue> list = values.stream().map(FieldValue::of).toList();
        return Query.of(q -> q.terms(t -> t.field(field).terms(v -> v.value(list))));
    }

    static Query tasks(Collection<String> ids) {
        return ids.size() == 1 ? term(EventFields.TASK, ids.iterator().next()) : terms(EventFields.TASK, ids);
    }

    static Query and(List<Query> filters) {
        List<Query> present = filters.stream().filter(q -> q != null).toList();
        return Query.of(q -> q.bool(b -> b.filter(present)));
    }

    static Query and(Query... filters) {
        return and(Arrays.asList(filters));
    }

    static Query or(List<Query> alternatives) {
        return Query.of(q -> q.bool(b -> b.should(alternatives).minimumShouldMatch("1")));
    }

    static Query not(Query query) {
        return Query.of(q -> q.bool(b -> b.mustNot(query)));
    }

    static Query matchNone() {
        return Query.of(q -> q.matchNone(m -> m));
    }

    static Query greaterThan(String field, long value) {
        return Query.of(q -> q.range(r -> r.untyped(u -> withFormat(u.field(field), field).gt(JsonData.of(value)))));
    }

    static Query lessThan(String field, long value) {
        return Query.of(q -> q.range(r -> r.untyped(u -> withFormat(u.field(field), field).lt(JsonData.of(value)))));
    }

    /** Exactly {@code value}; for the date field {@code timestamp} a range, so the number is read as epoch ms. */
    static Query equal(String field, long value) {
        if (!EventFields.TIMESTAMP.equals(field)) {
            return term(field, value);
        }
        return Query.of(q -> q.range(r -> r.untyped(u -> withFormat(u.field(field), field)
                .gte(JsonData.of(value)).lte(JsonData.of(value)))));
    }

    /** Numbers compared with the date field {@code timestamp} are epoch ms (not years, as a bare number may be). */
    private static UntypedRangeQuery.Builder withFormat(UntypedRangeQuery.Builder range, String field) {
        return EventFields.TIMESTAMP.equals(field) ? range.format("epoch_millis") : range;
    }

    static Query keywordLessThan(String field, String value) {
        return indexable(value) ? Query.of(q -> q.range(r -> r.term(t -> t.field(field).lt(value)))) : matchNone();
    }

    static Query keywordGreaterThan(String field, String value) {
        return indexable(value) ? Query.of(q -> q.range(r -> r.term(t -> t.field(field).gt(value)))) : matchNone();
    }

    /** Events of real iterations: single-value scalars (iter -2^31) and events without iteration left out. */
    static Query realIterations() {
        return greaterThan(EventFields.ITER, EventIndices.SINGLE_VALUE_ITERATION);
    }

    static Query notSingleValue() {
        return not(term(EventFields.ITER, EventIndices.SINGLE_VALUE_ITERATION));
    }

    /** The request's {@code metrics} filter; null (no filter) when it names no metric. */
    static Query metrics(List<MetricVariants> metrics) {
        List<Query> alternatives = new ArrayList<>();
        for (MetricVariants entry : metrics) {
            if (entry.metric() == null) {
                return null;
            }
            alternatives.add(metricVariants(entry));
        }
        return alternatives.isEmpty() ? null : or(alternatives);
    }

    static Query metricVariants(MetricVariants entry) {
        Query metric = term(EventFields.METRIC, entry.metric());
        return entry.allVariants() ? metric : and(metric, terms(EventFields.VARIANT, entry.variants()));
    }

    static SortOptions sort(String field, SortOrder order) {
        FieldType type = EventFields.METRIC.equals(field) || EventFields.VARIANT.equals(field)
                || EventFields.TASK.equals(field) || EventFields.URL.equals(field) ? FieldType.Keyword : FieldType.Long;
        return SortOptions.of(s -> s.field(FieldSort.of(f -> f.field(field).order(order).unmappedType(type))));
    }

    static SortOptions asc(String field) {
        return sort(field, SortOrder.Asc);
    }

    static SortOptions desc(String field) {
        return sort(field, SortOrder.Desc);
    }
}
