package io.xstore.query.events;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import io.xstore.readmodel.events.EventFields;
import io.xstore.readmodel.events.EventIndices;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** The metric and variant names tasks have events of (any number of them: composite aggregation pages). */
@Component
public class MetricLists {

    private final EventSearch search;

    public MetricLists(EventSearch search) {
        this.search = search;
    }

    /** {@code get_task_metrics}: per task its sorted metric names, single values and console lines ignored. */
    public Map<String, Object> metricsPerTask(EventTargets targets, List<String> types) {
        Map<String, TreeSet<String>> byTask = new LinkedHashMap<>();
        targets.ids().forEach(id -> byTask.put(id, new TreeSet<>()));
        CompositePages.forEach(search, targets.indices(types),
                EventQueries.and(EventQueries.tasks(targets.ids()), EventQueries.realIterations()),
                List.of(EventFields.TASK, EventFields.METRIC),
                group -> byTask.computeIfAbsent(group.get(EventFields.TASK), t -> new TreeSet<>())
                        .add(group.get(EventFields.METRIC)));
        List<Map<String, Object>> metrics = new ArrayList<>();
        byTask.forEach((task, names) -> metrics.add(Map.of("task", task, "metrics", new ArrayList<>(names))));
        return Map.of("metrics", metrics);
    }

    /** {@code get_multi_task_metrics}: the union over the tasks, {@code [{metric, variants}]} sorted. */
    public Map<String, Object> unionOfTasks(EventTargets targets, List<String> types) {
        List<Map<String, Object>> metrics = new ArrayList<>();
        variantsByMetric(targets, types, null).forEach((metric, variants) ->
                metrics.add(Map.of("metric", metric, "variants", variants)));
        return Map.of("metrics", metrics);
    }

    /** {@code get_scalar/vector_metrics_and_variants}: {@code {metric: [variants]}}. */
    public Map<String, Object> metricsAndVariants(EventTargets targets, String type) {
        return Map.of("metrics", variantsByMetric(targets, List.of(type), null));
    }

    Map<String, List<String>> variantsByMetric(EventTargets targets, List<String> types, Query extra) {
        Map<String, TreeSet<String>> names = new TreeMap<>();
        CompositePages.forEach(search, targets.indices(types),
                EventQueries.and(EventQueries.tasks(targets.ids()), extra),
                List.of(EventFields.METRIC, EventFields.VARIANT),
                group -> names.computeIfAbsent(group.get(EventFields.METRIC), m -> new TreeSet<>())
                        .add(group.get(EventFields.VARIANT)));
        Map<String, List<String>> result = new LinkedHashMap<>();
        names.forEach((metric, variants) -> result.put(metric, new ArrayList<>(variants)));
        return result;
    }

    /** All event types except console lines, which have no metrics. */
    static final List<String> METRIC_TYPES = EventIndices.TYPES.stream()
            .filter(type -> !EventIndices.LOG.equals(type)).toList();
}
