package io.xstore.query.events;

import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;
import io.xstore.readmodel.events.EventFields;
import io.xstore.readmodel.events.EventIndices;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Scalar values that are not series: single values, and the latest values of each series (legacy). */
@Component
public class ScalarSummaries {

    /** How many of the latest values {@code last_100_value} averages (also top_hits' largest page). */
    static final int LATEST_WINDOW = 100;

    private final EventSearch search;

    public ScalarSummaries(EventSearch search) {
        this.search = search;
    }

    /** {@code get_task_single_value_metrics}: {@code {tasks: [{task, task_name, values}]}}, empty tasks left out. */
    public Map<String, Object> singleValues(EventTargets targets, List<MetricVariants> metrics) {
        Map<String, List<Map<String, Object>>> byTask = new LinkedHashMap<>();
        List<Map<String, Object>> events = search.all(targets.indices(EventIndices.SCALAR),
                EventQueries.and(EventQueries.tasks(targets.ids()),
                        EventQueries.term(EventFields.ITER, EventIndices.SINGLE_VALUE_ITERATION),
                        EventQueries.metrics(metrics)),
                List.of(EventQueries.asc(EventFields.TASK), EventQueries.asc(EventFields.METRIC),
                        EventQueries.asc(EventFields.VARIANT), EventQueries.asc(EventFields.SEQ)),
                List.of(EventFields.TASK, EventFields.METRIC, EventFields.VARIANT, EventFields.VALUE,
                        EventFields.TIMESTAMP), Integer.MAX_VALUE);
        for (Map<String, Object> event : events) {
            Map<String, Object> value = new LinkedHashMap<>();
            value.put("metric", event.get(EventFields.METRIC));
            value.put("variant", event.get(EventFields.VARIANT));
            value.put("value", event.get(EventFields.VALUE));
            value.put("timestamp", event.get(EventFields.TIMESTAMP));
            byTask.computeIfAbsent(EventDocuments.stringOf(event, EventFields.TASK), t -> new ArrayList<>()).add(value);
        }
        List<Map<String, Object>> tasks = new ArrayList<>();
        for (EventTarget target : targets.all()) {
            List<Map<String, Object>> values = byTask.get(target.id());
            if (values != null) {
                Map<String, Object> task = new LinkedHashMap<>();
                task.put("task", target.id());
                task.put("task_name", target.name());
                task.put("values", values);
                tasks.add(task);
            }
        }
        return Map.of("tasks", tasks);
    }

    /**
     * {@code get_task_latest_scalar_values}: per metric and variant the value of the latest iteration and the
     * average of the latest {@value #LATEST_WINDOW}; with the task's name, status, last iteration and the time of
     * its latest scalar.
     */
    @SuppressWarnings("unchecked")
    public Map<String, Object> latestValues(EventTarget target) {
        Map<String, List<Map<String, Object>>> byMetric = new LinkedHashMap<>();
        long[] lastTimestamp = {0};
        Aggregation latest = Aggregation.of(a -> a.topHits(t -> t.size(LATEST_WINDOW)
                .sort(EventQueries.desc(EventFields.ITER), EventQueries.desc(EventFields.SEQ))
                .source(s -> s.filter(f -> f.includes(EventFields.VALUE, EventFields.TIMESTAMP)))));
        CompositePages.forEach(search, List.of(EventIndices.index(EventIndices.SCALAR, target.indexCompany())),
                EventQueries.and(EventQueries.term(EventFields.TASK, target.id()), EventQueries.realIterations()),
                List.of(EventFields.METRIC, EventFields.VARIANT), Map.of("latest", latest), 100, group -> {
                    Aggregate hits = group.bucket().aggregations().get("latest");
                    List<Double> values = new ArrayList<>();
                    for (Hit<JsonData> hit : hits.topHits().hits().hits()) {
                        Map<String, Object> source = hit.source().to(Map.class);
                        if (source.get(EventFields.VALUE) instanceof Number n) {
                            values.add(n.doubleValue());
                        }
                        lastTimestamp[0] = Math.max(lastTimestamp[0],
                                EventDocuments.longOf(source, EventFields.TIMESTAMP, 0));
                    }
                    if (values.isEmpty()) {
                        return;
                    }
                    Map<String, Object> variant = new LinkedHashMap<>();
                    variant.put("name", group.get(EventFields.VARIANT));
                    variant.put("last_value", values.get(0));
                    double average = values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
                    variant.put("last_100_value", average);
                    variant.put("last_10_value",
                            values.stream().limit(10).mapToDouble(Double::doubleValue).average().orElse(0));
                    byMetric.computeIfAbsent(group.get(EventFields.METRIC), m -> new ArrayList<>()).add(variant);
                });
        List<Map<String, Object>> metrics = new ArrayList<>();
        byMetric.forEach((metric, variants) -> metrics.add(Map.of("name", metric, "variants", variants)));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("metrics", metrics);
        result.put("last_iter", target.document().get("last_iteration") instanceof Number n ? n.longValue() : 0);
        result.put("name", target.name());
        result.put("status", target.document().get("status"));
        result.put("last_timestamp", lastTimestamp[0] == 0 ? null : lastTimestamp[0]);
        return result;
    }
}
