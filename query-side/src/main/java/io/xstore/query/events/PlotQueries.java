package io.xstore.query.events;

import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import io.xstore.protocol.ApiException;
import io.xstore.readmodel.events.EventFields;
import io.xstore.readmodel.events.EventIndices;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code get_task_plots} and {@code get_multi_task_plots}: the plots of the latest iterations, decompressed. */
@Component
public class PlotQueries {

    private static final List<SortOptions> SORT = List.of(EventQueries.desc(EventFields.ITER),
            EventQueries.asc(EventFields.METRIC), EventQueries.asc(EventFields.VARIANT),
            EventQueries.asc(EventFields.SEQ));

    private static final String MULTI_TASK_KIND = "multi_task_plots";

    private final LatestIterations latest;
    private final ScrollTokens tokens;

    public PlotQueries(LatestIterations latest, ScrollTokens tokens) {
        this.latest = latest;
        this.tokens = tokens;
    }

    /** For every metric/variant of the task, its plots of the latest {@code iters} iterations. */
    public Map<String, Object> taskPlots(EventTargets targets, int iters, List<MetricVariants> metrics) {
        List<Map<String, Object>> plots = plots(targets, iters, metrics,
                List.of(EventFields.TASK, EventFields.METRIC, EventFields.VARIANT));
        plots.sort(EventOrder.LATEST_FIRST);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("plots", plots);
        result.put("returned", plots.size());
        result.put("total", plots.size());
        result.put("scroll_id", null);
        return result;
    }

    /**
     * {@code {plots: {metric: {variant: {task: {iter: {name, plots}}}}}}}: per task and metric (or per task with
     * {@code perMetric} false) the plots of its latest {@code iters} iterations. The first page holds them all and a
     * real scroll id; asked again with that scroll id, the next page is empty ({@code returned: 0}), so a client that
     * pages until nothing is returned stops (docs/api/behaviour-rules.md, "get_multi_task_plots pages to an end"). A
     * scroll id not issued here starts afresh.
     */
    public Map<String, Object> multiTaskPlots(EventTargets targets, int iters, List<MetricVariants> metrics,
                                              boolean perMetric, String scrollId, String company) {
        if (scrollId != null && !scrollId.isEmpty() && issuedHere(scrollId, company)) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("plots", Map.of());
            result.put("returned", 0);
            result.put("total", 0);
            result.put("scroll_id", scrollId);
            return result;
        }
        Map<String, Object> result = multiTaskPlots(targets, iters, metrics, perMetric);
        result.put("scroll_id", tokens.issue(MULTI_TASK_KIND, company, ScrollTokens.newState()));
        return result;
    }

    private boolean issuedHere(String scrollId, String company) {
        try {
            tokens.open(scrollId, MULTI_TASK_KIND, company);
            return true;
        } catch (ApiException e) {
            return false;
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> multiTaskPlots(EventTargets targets, int iters, List<MetricVariants> metrics,
                                               boolean perMetric) {
        List<Map<String, Object>> plots = plots(targets, iters, metrics, perMetric
                ? List.of(EventFields.TASK, EventFields.METRIC) : List.of(EventFields.TASK));
        plots.sort(EventOrder.LATEST_FIRST);
        Map<String, Object> byMetric = new LinkedHashMap<>();
        for (Map<String, Object> plot : plots) {
            String task = EventDocuments.stringOf(plot, EventFields.TASK);
            Map<String, Object> byVariant = (Map<String, Object>) byMetric.computeIfAbsent(
                    EventDocuments.stringOf(plot, EventFields.METRIC), m -> new LinkedHashMap<String, Object>());
            Map<String, Object> byTask = (Map<String, Object>) byVariant.computeIfAbsent(
                    EventDocuments.stringOf(plot, EventFields.VARIANT), v -> new LinkedHashMap<String, Object>());
            Map<String, Object> byIter = (Map<String, Object>) byTask.computeIfAbsent(task,
                    t -> new LinkedHashMap<String, Object>());
            Map<String, Object> entry = (Map<String, Object>) byIter.computeIfAbsent(
                    String.valueOf(EventDocuments.longOf(plot, EventFields.ITER, 0)), i -> {
                        Map<String, Object> created = new LinkedHashMap<>();
                        created.put("name", targets.get(task) == null ? "" : targets.get(task).name());
                        created.put("plots", new ArrayList<Map<String, Object>>());
                        return created;
                    });
            ((List<Map<String, Object>>) entry.get("plots")).add(plot);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("plots", byMetric);
        result.put("returned", plots.size());
        result.put("total", plots.size());
        result.put("scroll_id", null);
        return result;
    }

    private List<Map<String, Object>> plots(EventTargets targets, int iters, List<MetricVariants> metrics,
                                            List<String> groupFields) {
        List<String> indices = targets.indices(EventIndices.PLOT);
        Query query = EventQueries.and(EventQueries.tasks(targets.ids()), EventQueries.metrics(metrics));
        Map<Map<String, String>, List<Long>> iterations = latest.iterations(indices, query, groupFields, iters);
        return new ArrayList<>(latest.events(indices, query, iterations, SORT));
    }
}
