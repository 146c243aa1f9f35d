package io.xstore.query.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xstore.protocol.ApiEndpoint;
import io.xstore.protocol.ApiError;
import io.xstore.protocol.CallContext;
import io.xstore.protocol.Fields;
import io.xstore.readmodel.events.EventIndices;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Read endpoints of the {@code events} service (docs/api/events.md) over the event indices in Elasticsearch. Each
 * method parses and validates its request, checks that the caller may read the tasks (or models), and hands over to a
 * query class.
 */
@Component
public class EventsReadEndpoints {

    private static final int MAX_SAMPLES = 6000;
    private static final int MAX_RAW_BATCH = 200_000;
    /** top_hits and terms pages per group stay small; more iterations than this per call are clamped. */
    private static final int MAX_ITERS = 100;

    private final EventTargetsAccess access;
    private final ScalarHistograms histograms;
    private final ScalarSummaries summaries;
    private final VectorHistograms vectors;
    private final TaskLogPages logPages;
    private final TaskLogDownload logDownload;
    private final EventScrolls scrolls;
    private final MetricLists metricLists;
    private final PlotQueries plots;
    private final IterationPages iterators;
    private final HistorySamples samples;

    public EventsReadEndpoints(EventTargetsAccess access, ScalarHistograms histograms, ScalarSummaries summaries,
                               VectorHistograms vectors, TaskLogPages logPages, TaskLogDownload logDownload,
                               EventScrolls scrolls, MetricLists metricLists, PlotQueries plots,
                               IterationPages iterators, HistorySamples samples) {
        this.access = access;
        this.histograms = histograms;
        this.summaries = summaries;
        this.vectors = vectors;
        this.logPages = logPages;
        this.logDownload = logDownload;
        this.scrolls = scrolls;
        this.metricLists = metricLists;
        this.plots = plots;
        this.iterators = iterators;
        this.samples = samples;
    }

    // ---- console log

    @ApiEndpoint(value = "events.get_task_log", since = "1.5")
    public Object getTaskLog(CallContext ctx) {
        ObjectNode body = ctx.body();
        int batchSize = EventRequests.clampedInt(body, "batch_size", 5000, 1, EventSearch.MAX_PAGE);
        boolean navigateEarlier = Fields.optBool(body, "navigate_earlier", true);
        Long from = EventRequests.optTimestamp(body, "from_timestamp");
        String natural = navigateEarlier ? "desc" : "asc";
        String order = EventRequests.optEnum(body, "order", natural, List.of("asc", "desc"));
        return logPages.page(task(ctx, false), batchSize, navigateEarlier, from, "asc".equals(order),
                EventRequests.metrics(body, "metrics"));
    }

    @ApiEndpoint(value = "events.download_task_log", since = "2.1")
    public Object downloadTaskLog(CallContext ctx) {
        ObjectNode body = ctx.body();
        String lineType = EventRequests.optEnum(body, "line_type", "json", List.of("json", "text"));
        LogLineFormat format = LogLineFormat.json();
        if ("text".equals(lineType)) {
            String template = body.has("line_format") ? Fields.optString(body, "line_format")
                    : LogLineFormat.DEFAULT_TEMPLATE;
            if (template == null || template.isEmpty()) {
                throw ApiError.MISSING_REQUIRED_FIELDS.toException("line_format is required for plain text lines",
                        Map.of("fields", List.of("line_format")));
            }
            format = LogLineFormat.text(template);
        }
        return logDownload.download(task(ctx, false).single(), format);
    }

    // ---- raw events

    @ApiEndpoint(value = "events.get_task_events", since = "2.1")
    public Object getTaskEvents(CallContext ctx) {
        ObjectNode body = ctx.body();
        String taskId = Fields.requireString(body, "task");
        String scrollId = Fields.optString(body, "scroll_id");
        EventScrolls.Position position;
        if (scrollId != null && !scrollId.isEmpty()) {
            position = scrolls.resume(EventScrolls.TASK_EVENTS, scrollId, ctx.company(), taskId);
        } else {
            List<String> types = EventRequests.eventTypes(body, false, List.of());
            List<MetricVariants> metrics = EventRequests.metrics(body, "metrics");
            boolean ascending = "asc".equals(EventRequests.optEnum(body, "order", "asc", List.of("asc", "desc")));
            int batchSize = EventRequests.optInt(body, "batch_size", 500, 1, EventSearch.MAX_PAGE);
            boolean countTotal = Fields.optBool(body, "count_total", true);
            position = EventScrolls.start(new EventScrolls.Request(taskId, EventRequests.modelEvents(body), types,
                    metrics, ascending, batchSize, countTotal, ScalarKey.ITER));
        }
        EventTargets targets = access.resolve(ctx, List.of(taskId), position.request().model());
        return scrolls.taskEvents(targets, position, ctx.company());
    }

    @ApiEndpoint(value = "events.get_scalar_metric_data", since = "2.1")
    public Object getScalarMetricData(CallContext ctx) {
        ObjectNode body = ctx.body();
        String taskId = Fields.requireString(body, "task");
        String scrollId = Fields.optString(body, "scroll_id");
        boolean noScroll = Fields.optBool(body, "no_scroll", false);
        EventScrolls.Position position;
        if (scrollId != null && !scrollId.isEmpty() && !noScroll) {
            position = scrolls.resume(EventScrolls.METRIC_DATA, scrollId, ctx.company(), taskId);
        } else {
            String metric = Fields.optString(body, "metric");
            List<MetricVariants> metrics = metric == null ? List.of() : List.of(new MetricVariants(metric, List.of()));
            position = EventScrolls.start(new EventScrolls.Request(taskId, EventRequests.modelEvents(body),
                    List.of(EventIndices.SCALAR), metrics, false, EventSearch.MAX_PAGE, true, ScalarKey.ITER));
        }
        EventTargets targets = access.resolve(ctx, List.of(taskId), position.request().model());
        return scrolls.metricData(targets, position, ctx.company(), noScroll);
    }

    @ApiEndpoint(value = "events.scalar_metrics_iter_raw", since = "2.16")
    public Object scalarMetricsIterRaw(CallContext ctx) {
        ObjectNode body = ctx.body();
        String taskId = Fields.requireString(body, "task");
        ObjectNode metricField = Fields.optObject(body, "metric");
        if (metricField == null) {
            throw ApiError.VALIDATION_ERROR.toException("field is required", Map.of("field", "metric"));
        }
        MetricVariants metric = EventRequests.metricVariants(metricField, "metric");
        if (metric.metric() == null) {
            throw ApiError.VALIDATION_ERROR.toException("field is required", Map.of("field", "metric.metric"));
        }
        String scrollId = Fields.optString(body, "scroll_id");
        EventScrolls.Position position;
        if (scrollId != null && !scrollId.isEmpty()) {
            position = scrolls.resume(EventScrolls.RAW, scrollId, ctx.company(), taskId);
        } else {
            int batchSize = EventRequests.optInt(body, "batch_size", 10_000, 1, MAX_RAW_BATCH);
            boolean countTotal = Fields.optBool(body, "count_total", false);
            position = EventScrolls.start(new EventScrolls.Request(taskId, EventRequests.modelEvents(body),
                    List.of(EventIndices.SCALAR), List.of(metric), true, batchSize, countTotal,
                    EventRequests.scalarKey(body)));
        }
        EventTargets targets = access.resolve(ctx, List.of(taskId), position.request().model());
        return scrolls.rawPoints(targets, position, ctx.company());
    }

    @ApiEndpoint(value = "events.clear_scroll", since = "2.18")
    public Object clearScroll(CallContext ctx) {
        // scroll ids are self-contained tokens: there is nothing to release
        Fields.optString(ctx.body(), "scroll_id");
        return Map.of();
    }

    // ---- scalars

    @ApiEndpoint(value = "events.scalar_metrics_iter_histogram", since = "2.1")
    public Object scalarMetricsIterHistogram(CallContext ctx) {
        ObjectNode body = ctx.body();
        ScalarKey key = EventRequests.scalarKey(body);
        int samples = EventRequests.optInt(body, "samples", 2000, 1, MAX_SAMPLES);
        List<MetricVariants> metrics = EventRequests.metrics(body, "metrics");
        return histograms.ofTask(task(ctx, EventRequests.modelEvents(body)), key, samples, metrics,
                EventRequests.bucketing(body));
    }

    @ApiEndpoint(value = "events.multi_task_scalar_metrics_iter_histogram", since = "2.1")
    public Object multiTaskScalarMetricsIterHistogram(CallContext ctx) {
        ObjectNode body = ctx.body();
        ScalarKey key = EventRequests.scalarKey(body);
        int samples = EventRequests.optInt(body, "samples", 2000, 1, MAX_SAMPLES);
        List<MetricVariants> metrics = EventRequests.metrics(body, "metrics");
        return histograms.ofTasks(tasks(ctx, "tasks", 100), key, samples, metrics, EventRequests.bucketing(body));
    }

    @ApiEndpoint(value = "events.get_task_single_value_metrics", since = "2.20")
    public Object getTaskSingleValueMetrics(CallContext ctx) {
        List<MetricVariants> metrics = EventRequests.metrics(ctx.body(), "metrics");
        return summaries.singleValues(tasks(ctx, "tasks", Integer.MAX_VALUE), metrics);
    }

    @ApiEndpoint(value = "events.get_task_latest_scalar_values", since = "2.1")
    public Object getTaskLatestScalarValues(CallContext ctx) {
        return summaries.latestValues(task(ctx, EventRequests.modelEvents(ctx.body())).single());
    }

    @ApiEndpoint(value = "events.vector_metrics_iter_histogram", since = "2.1")
    public Object vectorMetricsIterHistogram(CallContext ctx) {
        ObjectNode body = ctx.body();
        String metric = Fields.requireString(body, "metric");
        String variant = Fields.requireString(body, "variant");
        return vectors.vectors(task(ctx, EventRequests.modelEvents(body)).single(), metric, variant);
    }

    // ---- metric lists

    @ApiEndpoint(value = "events.get_task_metrics", since = "2.7")
    public Object getTaskMetrics(CallContext ctx) {
        List<String> types = EventRequests.eventTypes(ctx.body(), true, MetricLists.METRIC_TYPES);
        return metricLists.metricsPerTask(tasks(ctx, "tasks", Integer.MAX_VALUE), types);
    }

    @ApiEndpoint(value = "events.get_multi_task_metrics", since = "2.28")
    public Object getMultiTaskMetrics(CallContext ctx) {
        List<String> types = EventRequests.eventTypes(ctx.body(), false, MetricLists.METRIC_TYPES);
        return metricLists.unionOfTasks(tasks(ctx, "tasks", Integer.MAX_VALUE), types);
    }

    @ApiEndpoint(value = "events.get_scalar_metrics_and_variants", since = "2.1")
    public Object getScalarMetricsAndVariants(CallContext ctx) {
        return metricLists.metricsAndVariants(task(ctx, EventRequests.modelEvents(ctx.body())), EventIndices.SCALAR);
    }

    @ApiEndpoint(value = "events.get_vector_metrics_and_variants", since = "2.1")
    public Object getVectorMetricsAndVariants(CallContext ctx) {
        return metricLists.metricsAndVariants(task(ctx, EventRequests.modelEvents(ctx.body())), EventIndices.VECTOR);
    }

    // ---- plots

    @ApiEndpoint(value = "events.get_task_plots", since = "2.1")
    public Object getTaskPlots(CallContext ctx) {
        ObjectNode body = ctx.body();
        int iters = EventRequests.clampedInt(body, "iters", 1, 1, MAX_ITERS);
        List<MetricVariants> metrics = EventRequests.metrics(body, "metrics");
        return plots.taskPlots(task(ctx, EventRequests.modelEvents(body)), iters, metrics);
    }

    @ApiEndpoint(value = "events.get_multi_task_plots", since = "2.1")
    public Object getMultiTaskPlots(CallContext ctx) {
        ObjectNode body = ctx.body();
        int iters = EventRequests.clampedInt(body, "iters", 1, 1, MAX_ITERS);
        List<MetricVariants> metrics = EventRequests.metrics(body, "metrics");
        boolean perMetric = Fields.optBool(body, "last_iters_per_task_metric", true);
        return plots.multiTaskPlots(tasks(ctx, "tasks", Integer.MAX_VALUE), iters, metrics, perMetric,
                Fields.optString(body, "scroll_id"), ctx.company());
    }

    @ApiEndpoint(value = "events.plots", since = "2.20")
    public Object plots(CallContext ctx) {
        return iterate(ctx, EventIndices.PLOT);
    }

    @ApiEndpoint(value = "events.get_plot_sample", since = "2.20")
    public Object getPlotSample(CallContext ctx) {
        ObjectNode body = ctx.body();
        boolean model = EventRequests.modelEvents(body);
        String metric = Fields.requireString(body, "metric");
        Long iteration = EventRequests.optLong(body, "iteration");
        boolean currentMetricOnly = Fields.optBool(body, "navigate_current_metric", true);
        EventTarget task = task(ctx, model).single();
        validateScrollIfAny(body, false, ctx, task.id(), model);
        return samples.plotSample(task, model, metric, iteration, currentMetricOnly, ctx.company());
    }

    @ApiEndpoint(value = "events.next_plot_sample", since = "2.20")
    public Object nextPlotSample(CallContext ctx) {
        return nextSample(ctx, false);
    }

    // ---- debug images

    @ApiEndpoint(value = "events.debug_images", since = "2.1")
    public Object debugImages(CallContext ctx) {
        return iterate(ctx, EventIndices.IMAGE);
    }

    @ApiEndpoint(value = "events.get_debug_image_sample", since = "2.12")
    public Object getDebugImageSample(CallContext ctx) {
        ObjectNode body = ctx.body();
        boolean model = EventRequests.modelEvents(body);
        String metric = Fields.requireString(body, "metric");
        String variant = Fields.requireString(body, "variant");
        Long iteration = EventRequests.optLong(body, "iteration");
        boolean currentMetricOnly = Fields.optBool(body, "navigate_current_metric", true);
        EventTarget task = task(ctx, model).single();
        validateScrollIfAny(body, true, ctx, task.id(), model);
        return samples.imageSample(task, model, metric, variant, iteration, currentMetricOnly, ctx.company());
    }

    @ApiEndpoint(value = "events.next_debug_image_sample", since = "2.12")
    public Object nextDebugImageSample(CallContext ctx) {
        return nextSample(ctx, true);
    }

    // ---- helpers

    /** The next or previous sample of a plot or debug image viewer, from the position its scroll id holds. */
    private Object nextSample(CallContext ctx, boolean images) {
        ObjectNode body = ctx.body();
        boolean model = EventRequests.modelEvents(body);
        String scrollId = Fields.requireString(body, "scroll_id");
        boolean earlier = Fields.optBool(body, "navigate_earlier", true);
        boolean nextIteration = Fields.optBool(body, "next_iteration", false);
        EventTarget task = task(ctx, model).single();
        HistorySamples.Position at = samples.resume(images, scrollId, ctx.company(), task.id(), model);
        return images ? samples.nextImage(task, model, at, earlier, nextIteration, ctx.company())
                : samples.nextPlot(task, model, at, earlier, nextIteration, ctx.company());
    }

    private Object iterate(CallContext ctx, String type) {
        ObjectNode body = ctx.body();
        boolean model = EventRequests.modelEvents(body);
        String scrollId = Fields.optString(body, "scroll_id");
        if (scrollId != null && scrollId.isEmpty()) {
            scrollId = null;
        }
        boolean refresh = Fields.optBool(body, "refresh", false);
        IterationPages.Resumed resumed = iterators.resume(type, scrollId, ctx.company(), model);
        List<IteratorEntry> entries = iteratorEntries(body, resumed == null);
        int iters = EventRequests.clampedInt(body, "iters", 1, 1, MAX_ITERS);
        boolean navigateEarlier = Fields.optBool(body, "navigate_earlier", true);
        List<String> ids = resumed != null && (!refresh || entries.isEmpty()) ? resumed.tasks()
                : entries.stream().map(IteratorEntry::task).distinct().toList();
        EventTargets targets = ids.isEmpty() ? new EventTargets(List.of(), model) : access.resolve(ctx, ids, model);
        return iterators.page(type, targets, resumed != null && !refresh ? List.of() : entries, iters,
                navigateEarlier, refresh, resumed, ctx.company());
    }

    private static List<IteratorEntry> iteratorEntries(ObjectNode body, boolean required) {
        JsonNode node = body.get("metrics");
        if (node == null || node.isNull() || (node.isArray() && node.isEmpty())) {
            if (required) {
                throw ApiError.VALIDATION_ERROR.toException("field is required", Map.of("field", "metrics"));
            }
            return List.of();
        }
        if (!node.isArray()) {
            throw Fields.wrongType("metrics", "a list of {task, metric, variants} objects");
        }
        List<IteratorEntry> entries = new ArrayList<>();
        for (JsonNode item : node) {
            if (!item.isObject()) {
                throw Fields.wrongType("metrics", "a list of {task, metric, variants} objects");
            }
            String task;
            try {
                task = Fields.requireString((ObjectNode) item, "task");
            } catch (RuntimeException e) {
                throw ApiError.VALIDATION_ERROR.toException("field is required", Map.of("field", "metrics.task"));
            }
            MetricVariants metric = EventRequests.metricVariants((ObjectNode) item, "metrics");
            entries.add(new IteratorEntry(task, metric.metric() == null || metric.metric().isEmpty() ? null
                    : metric.metric(), metric.variants()));
        }
        return entries;
    }

    /** A scroll id passed to a get_*_sample call must at least be one of ours. */
    private void validateScrollIfAny(ObjectNode body, boolean images, CallContext ctx, String task, boolean model) {
        String scrollId = Fields.optString(body, "scroll_id");
        if (scrollId != null && !scrollId.isEmpty()) {
            samples.resume(images, scrollId, ctx.company(), task, model);
        }
    }

    private EventTargets task(CallContext ctx, boolean model) {
        String id = Fields.requireString(ctx.body(), "task");
        return access.resolve(ctx, List.of(id), model);
    }

    private EventTargets tasks(CallContext ctx, String field, int max) {
        List<String> ids = EventRequests.requireIdList(ctx.body(), field);
        if (ids.size() > max) {
            throw ApiError.VALIDATION_ERROR.toException("at most " + max + " ids", Map.of("field", field));
        }
        return access.resolve(ctx, ids, EventRequests.modelEvents(ctx.body()));
    }
}
