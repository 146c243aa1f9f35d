package io.xstore.query.events;

import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.LongTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.util.NamedValue;
import io.xstore.readmodel.events.EventFields;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The events of the latest N iterations of each group (e.g. of each task and metric): first the iterations per group
 * (composite aggregation with a terms aggregation on {@code iter} by key, descending), then the events of exactly
 * those groups and iterations.
 */
@Component
public class LatestIterations {

    private static final int GROUPS_PER_QUERY = 200;

    private final EventSearch search;

    public LatestIterations(EventSearch search) {
        this.search = search;
    }

    /** The latest {@code iterations} iterations of every group of {@code groupFields} values matching {@code query}. */
    public Map<Map<String, String>, List<Long>> iterations(List<String> indices, Query query, List<String> groupFields,
                                                           int iterations) {
        Map<Map<String, String>, List<Long>> result = new LinkedHashMap<>();
        Aggregation latest = Aggregation.of(a -> a.terms(t -> t.field(EventFields.ITER).size(iterations)
                .order(List.of(NamedValue.of("_key", SortOrder.Desc)))));
        CompositePages.forEach(search, indices, query, groupFields, Map.of("iters", latest), 200, group -> {
            Aggregate terms = group.bucket().aggregations().get("iters");
            if (terms != null && terms.isLterms()) {
                List<Long> iters = new ArrayList<>();
                for (LongTermsBucket bucket : terms.lterms().buckets().array()) {
                    iters.add(bucket.key());
                }
                if (!iters.isEmpty()) {
                    result.put(group.key(), iters);
                }
            }
        });
        return result;
    }

    /** The events matching {@code query} in the given groups at their given iterations, in {@code sort} order. */
    public List<Map<String, Object>> events(List<String> indices, Query query,
                                            Map<Map<String, String>, List<Long>> iterations, List<SortOptions> sort) {
        List<Map<String, Object>> events = new ArrayList<>();
        List<Query> groups = new ArrayList<>();
        iterations.forEach((key, iters) -> {
            List<Query> clauses = new ArrayList<>();
            key.forEach((field, value) -> clauses.add(EventQueries.term(field, value)));
            clauses.add(EventQueries.longTerms(EventFields.ITER, iters));
            groups.add(EventQueries.and(clauses));
        });
        for (int from = 0; from < groups.size(); from += GROUPS_PER_QUERY) {
            Query chunk = EventQueries.and(query,
                    EventQueries.or(groups.subList(from, Math.min(groups.size(), from + GROUPS_PER_QUERY))));
            search.all(indices, chunk, sort, null, Integer.MAX_VALUE)
                    .forEach(e -> events.add(EventDocuments.toWire(e)));
        }
        return events;
    }
}
