package io.xstore.query.events;

import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import io.xstore.readmodel.events.EventFields;
import io.xstore.readmodel.events.EventIndices;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The scalar series of some tasks with their point counts and x ranges (single values left out). */
@Component
public class ScalarSeriesCatalog {

    private final EventSearch search;

    public ScalarSeriesCatalog(EventSearch search) {
        this.search = search;
    }

    /** The filter of a histogram's points: the targets, real iterations (for the iter axis, present ones). */
    static Query pointFilter(List<String> tasks, ScalarKey key, List<MetricVariants> metrics) {
        return EventQueries.and(EventQueries.tasks(tasks),
                key == ScalarKey.ITER ? EventQueries.realIterations() : EventQueries.notSingleValue(),
                EventQueries.metrics(metrics));
    }

    public List<SeriesExtent> extents(EventTargets targets, ScalarKey key, List<MetricVariants> metrics) {
        List<SeriesExtent> extents = new ArrayList<>();
        Map<String, Aggregation> ranges = Map.of(
                "min_x", Aggregation.of(a -> a.min(m -> m.field(key.field()))),
                "max_x", Aggregation.of(a -> a.max(m -> m.field(key.field()))));
        CompositePages.forEach(search, targets.indices(EventIndices.SCALAR),
                pointFilter(targets.ids(), key, metrics),
                List.of(EventFields.TASK, EventFields.METRIC, EventFields.VARIANT), ranges, CompositePages.PAGE,
                group -> {
                    double min = value(group.bucket().aggregations().get("min_x"));
                    double max = value(group.bucket().aggregations().get("max_x"));
                    if (group.count() > 0 && Double.isFinite(min) && Double.isFinite(max)) {
                        extents.add(new SeriesExtent(new SeriesKey(group.get(EventFields.TASK),
                                group.get(EventFields.METRIC), group.get(EventFields.VARIANT)),
                                group.count(), (long) min, (long) max));
                    }
                });
        return extents;
    }

    private static double value(Aggregate aggregate) {
        if (aggregate == null) {
            return Double.NaN;
        }
        return aggregate.isMin() ? aggregate.min().value() : aggregate.isMax() ? aggregate.max().value() : Double.NaN;
    }
}
