package io.xstore.server.workers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import io.xstore.api.task.RecordTaskWorkerReportCommand;
import io.xstore.command.CommandErrors;
import io.xstore.protocol.ApiEndpoint;
import io.xstore.protocol.ApiError;
import io.xstore.protocol.ApiException;
import io.xstore.protocol.CallContext;
import io.xstore.protocol.Fields;
import io.xstore.protocol.WireDates;
import io.xstore.readmodel.Collections;
import io.xstore.readmodel.OwnedDocuments;
import io.xstore.readmodel.Ownership;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** The {@code workers} service (docs/api/workers.md). */
@Component
public class WorkersEndpoints {

    static final long DEFAULT_TIMEOUT = 600;
    static final long DEFAULT_LAST_SEEN = 3600;

    private final WorkerRegistry registry;
    private final WorkerStats stats;
    private final CommandGateway commands;
    private final MongoCollection<Document> queues;
    private final MongoCollection<Document> tasks;
    private final MongoCollection<Document> projects;

    public WorkersEndpoints(WorkerRegistry registry, WorkerStats stats, CommandGateway commands,
                            MongoDatabase database) {
        this.registry = registry;
        this.stats = stats;
        this.commands = commands;
        this.queues = database.getCollection(Collections.QUEUES);
        this.tasks = database.getCollection(Collections.TASKS);
        this.projects = database.getCollection(Collections.PROJECTS);
    }

    @ApiEndpoint(value = "workers.register", since = "2.4")
    public Object register(CallContext ctx) {
        ObjectNode body = ctx.body();
        String id = workerId(body);
        Integer timeout = Fields.optInt(body, "timeout");
        if (timeout != null && timeout <= 0) {
            throw ApiError.VALIDATION_ERROR.toException("timeout must be positive", Map.of("timeout", timeout));
        }
        List<String> listened = checkedQueues(Fields.optStringList(body, "queues"), ctx.company());
        Instant now = registry.now();
        registry.upsert(ctx.company(), id, w -> new Worker(w.id(), w.company(), w.companyName(), w.userId(),
                w.userName(), ctx.clientIp(), w.registered(), now, now,
                timeout == null ? w.timeoutSeconds() : timeout, listened == null ? w.queues() : listened, w.queue(),
                w.task(), w.taskSince(), or(Fields.optStringList(body, "tags"), w.tags()),
                or(Fields.optStringList(body, "system_tags"), w.systemTags())),
                () -> fresh(ctx, id, now, timeout == null ? DEFAULT_TIMEOUT : timeout));
        return Map.of();
    }

    @ApiEndpoint(value = "workers.unregister", since = "2.4")
    public Object unregister(CallContext ctx) {
        registry.remove(ctx.company(), workerId(ctx.body()));
        return Map.of();
    }

    /**
     * Refreshes (or registers) the worker. With a task: the task's last_worker / last_worker_report are set by a task
     * command (400/101 for a task the caller cannot see); without one the worker's task is cleared. Machine
     * statistics and the activity go to Elasticsearch.
     */
    @ApiEndpoint(value = "workers.status_report", since = "2.4")
    public Object statusReport(CallContext ctx) {
        ObjectNode body = ctx.body();
        String id = workerId(body);
        Instant at = timestamp(body);
        String task = nonEmpty(Fields.optString(body, "task"));
        String queue = nonEmpty(Fields.optString(body, "queue"));
        List<String> listened = checkedQueues(Fields.optStringList(body, "queues"), ctx.company());
        JsonNode machineStats = body.get("machine_stats");
        if (machineStats != null && !machineStats.isNull() && !machineStats.isObject()) {
            throw Fields.wrongType("machine_stats", "an object");
        }
        if (task != null) {
            reportTask(task, id, ctx);
        }
        Instant now = registry.now();
        registry.upsert(ctx.company(), id, w -> w.reported(now, ctx.clientIp(), listened, queue, task,
                Fields.optStringList(body, "tags"), Fields.optStringList(body, "system_tags")),
                () -> fresh(ctx, id, now, DEFAULT_TIMEOUT));
        stats.record(ctx.company(), id, at, task != null, machineStats);
        return Map.of();
    }

    private void reportTask(String task, String worker, CallContext ctx) {
        Boolean known;
        try {
            known = commands.sendAndWait(new RecordTaskWorkerReportCommand(task, worker, ctx.audit()));
        } catch (RuntimeException e) {
            ApiException api = CommandErrors.apiError(e);
            throw api != null ? api : e;
        }
        if (!Boolean.TRUE.equals(known)) {
            throw ApiError.INVALID_TASK_ID.toException(Map.of("id", task, "company", ctx.company()));
        }
    }

    @ApiEndpoint(value = "workers.get_all", since = "2.4")
    public Object getAll(CallContext ctx) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Worker worker : selected(ctx, DEFAULT_LAST_SEEN)) {
            out.add(render(worker));
        }
        return Map.of("workers", out);
    }

    @ApiEndpoint(value = "workers.get_count", since = "2.26")
    public Object getCount(CallContext ctx) {
        return Map.of("count", selected(ctx, 0).size());
    }

    /** Per interval: how many workers reported (total) and how many of them ran a task (active). */
    @ApiEndpoint(value = "workers.get_activity_report", since = "2.4")
    public Object getActivityReport(CallContext ctx) {
        Range range = Range.of(ctx.body());
        TreeMap<Long, Set<String>> total = new TreeMap<>();
        TreeMap<Long, Set<String>> active = new TreeMap<>();
        for (WorkerStats.Activity a : stats.activity(ctx.company(), range.fromMillis(), range.toMillis())) {
            long bucket = range.bucket(a.timestampMillis());
            total.computeIfAbsent(bucket, b -> new HashSet<>()).add(a.worker());
            if (a.running()) {
                active.computeIfAbsent(bucket, b -> new HashSet<>()).add(a.worker());
            }
        }
        return Map.of("total", series(total), "active", series(active));
    }

    private static Map<String, Object> series(TreeMap<Long, Set<String>> buckets) {
        Map<String, Object> series = new LinkedHashMap<>();
        series.put("dates", new ArrayList<>(buckets.keySet()));
        series.put("counts", buckets.values().stream().map(Set::size).toList());
        return series;
    }

    /**
     * Per worker and metric (and variant with split_by_variant): the avg / min / max of the reported values in each
     * interval; the items name the metrics and which aggregation of each is wanted.
     */
    @ApiEndpoint(value = "workers.get_stats", since = "2.4")
    public Object getStats(CallContext ctx) {
        ObjectNode body = ctx.body();
        Range range = Range.of(body);
        JsonNode items = body.get("items");
        if (items == null || !items.isArray() || items.isEmpty()) {
            throw ApiError.MISSING_REQUIRED_FIELDS.toException("items is required", Map.of("field", "items"));
        }
        Map<String, Set<String>> wanted = new LinkedHashMap<>();
        for (JsonNode item : items) {
            String key = item.path("key").asText("");
            String category = item.path("category").asText("avg");
            if (key.isEmpty() || !Set.of("avg", "min", "max").contains(category)) {
                throw ApiError.VALIDATION_ERROR.toException("items are {key, category: avg|min|max}",
                        Map.of("item", item.toString()));
            }
            wanted.computeIfAbsent(key, k -> new TreeSet<>()).add(category);
        }
        boolean split = Fields.optBool(body, "split_by_variant", false);
        List<String> workerIds = Fields.optStringList(body, "worker_ids");
        // worker → metric(/variant) → bucket → values
        Map<String, Map<String, TreeMap<Long, List<Double>>>> grouped = new TreeMap<>();
        Map<String, String[]> seriesKeys = new HashMap<>();
        for (WorkerStats.Point p : stats.points(ctx.company(), workerIds, range.fromMillis(), range.toMillis(),
                new ArrayList<>(wanted.keySet()))) {
            String series = split ? p.metric() + "\u0000" + p.variant() : p.metric();
            seriesKeys.put(series, new String[] {p.metric(), split ? p.variant() : null});
            grouped.computeIfAbsent(p.worker(), w -> new TreeMap<>())
                    .computeIfAbsent(series, s -> new TreeMap<>())
                    .computeIfAbsent(range.bucket(p.timestampMillis()), b -> new ArrayList<>()).add(p.value());
        }
        List<Map<String, Object>> workers = new ArrayList<>();
        grouped.forEach((worker, metrics) -> {
            List<Map<String, Object>> metricStats = new ArrayList<>();
            metrics.forEach((series, buckets) -> {
                String[] names = seriesKeys.get(series);
                Map<String, Object> metric = new LinkedHashMap<>();
                metric.put("metric", names[0]);
                if (names[1] != null) {
                    metric.put("variant", names[1]);
                }
                metric.put("dates", new ArrayList<>(buckets.keySet()));
                List<Map<String, Object>> aggregations = new ArrayList<>();
                for (String category : wanted.get(names[0])) {
                    List<Double> values = buckets.values().stream().map(v -> aggregate(category, v)).toList();
                    Map<String, Object> aggregation = new LinkedHashMap<>();
                    aggregation.put("aggregation", category);
                    aggregation.put("values", values);
                    aggregations.add(aggregation);
                }
                metric.put("stats", aggregations);
                metricStats.add(metric);
            });
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("worker", worker);
            entry.put("metrics", metricStats);
            workers.add(entry);
        });
        return Map.of("workers", workers);
    }

    private static double aggregate(String category, List<Double> values) {
        return switch (category) {
            case "min" -> values.stream().mapToDouble(Double::doubleValue).min().orElse(0);
            case "max" -> values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
            default -> Math.round(values.stream().mapToDouble(Double::doubleValue).average().orElse(0) * 1000)
                    / 1000.0;
        };
    }

    /** The metrics reported by the workers in the last 30 days, by category (the text before the first _). */
    @ApiEndpoint(value = "workers.get_metric_keys", since = "2.4")
    public Object getMetricKeys(CallContext ctx) {
        long now = registry.now().toEpochMilli();
        Map<String, Set<String>> categories = new TreeMap<>();
        for (WorkerStats.Point p : stats.points(ctx.company(), Fields.optStringList(ctx.body(), "worker_ids"),
                now - Duration.ofDays(30).toMillis(), now, null)) {
            String category = p.metric().contains("_") ? p.metric().substring(0, p.metric().indexOf('_'))
                    : p.metric();
            categories.computeIfAbsent(category, c -> new TreeSet<>()).add(p.metric());
        }
        List<Map<String, Object>> out = new ArrayList<>();
        categories.forEach((name, keys) -> {
            Map<String, Object> category = new LinkedHashMap<>();
            category.put("name", name);
            category.put("metric_keys", new ArrayList<>(keys));
            out.add(category);
        });
        return Map.of("categories", out);
    }

    // ---- helpers ----

    private List<Worker> selected(CallContext ctx, long defaultLastSeen) {
        ObjectNode body = ctx.body();
        Integer lastSeenBody = Fields.optInt(body, "last_seen");
        long lastSeen = lastSeenBody == null ? defaultLastSeen : lastSeenBody;
        List<String> tags = Fields.optStringList(body, "tags");
        List<String> systemTags = Fields.optStringList(body, "system_tags");
        String patternText = Fields.optString(body, "worker_pattern");
        Pattern pattern;
        try {
            pattern = patternText == null || patternText.isEmpty() ? null : Pattern.compile(patternText);
        } catch (PatternSyntaxException e) {
            throw ApiError.INVALID_REGEX_ERROR.toException(Map.of("worker_pattern", patternText));
        }
        Instant now = registry.now();
        return registry.all(ctx.company()).stream()
                .filter(w -> lastSeen <= 0 || !w.lastActivity().plusSeconds(lastSeen).isBefore(now))
                .filter(w -> tags == null || tags.isEmpty() || w.tags().stream().anyMatch(tags::contains))
                .filter(w -> systemTags == null || systemTags.isEmpty()
                        || w.systemTags().stream().anyMatch(systemTags::contains))
                .filter(w -> pattern == null || pattern.matcher(w.id()).find())
                .toList();
    }

    private Map<String, Object> render(Worker w) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", w.id());
        out.put("key", "worker_" + w.company() + "___" + w.userId() + "___" + w.id());
        out.put("user", idName(w.userId(), w.userName()));
        out.put("company", idName(w.company(), w.companyName()));
        out.put("ip", w.ip());
        out.put("register_time", WireDates.format(w.registered()));
        out.put("last_activity_time", WireDates.format(w.lastActivity()));
        out.put("last_report_time", w.lastReport() == null ? null : WireDates.format(w.lastReport()));
        if (w.task() != null) {
            Document task = OwnedDocuments.byId(tasks, w.task(), Ownership.company(w.company()),
                    Projections.include("name", "last_iteration", "project"));
            Map<String, Object> taskOut = new LinkedHashMap<>();
            taskOut.put("id", w.task());
            taskOut.put("name", task == null ? null : task.getString("name"));
            taskOut.put("running_time", w.taskSince() == null ? 0
                    : Duration.between(w.taskSince(), registry.now()).toMillis());
            taskOut.put("last_iteration", task == null ? null : task.get("last_iteration"));
            out.put("task", taskOut);
            String project = task == null ? null : task.getString("project");
            if (project != null && !project.isEmpty()) {
                Document p = OwnedDocuments.byId(projects, project, Ownership.company(w.company()),
                        Projections.include("name"));
                out.put("project", idName(project, p == null ? null : p.getString("name")));
            }
        }
        if (w.queue() != null) {
            out.put("queue", queueEntry(w.queue(), w.company()));
        }
        out.put("queues", w.queues().stream().map(q -> queueEntry(q, w.company())).toList());
        out.put("tags", w.tags());
        out.put("system_tags", w.systemTags());
        return out;
    }

    private Map<String, Object> queueEntry(String id, String company) {
        Document queue = OwnedDocuments.byId(queues, id, Ownership.company(company),
                Projections.include("name", "display_name", "entries"));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", id);
        out.put("name", queue == null ? null : queue.getString("name"));
        out.put("display_name", queue == null ? null : queue.getString("display_name"));
        List<?> entries = queue != null && queue.get("entries") instanceof List<?> list ? list : List.of();
        out.put("num_tasks", entries.size());
        if (!entries.isEmpty() && entries.get(0) instanceof Document first) {
            String next = first.getString("task");
            Document task = OwnedDocuments.byId(tasks, next, Ownership.company(company),
                    Projections.include("name"));
            out.put("next_task", idName(next, task == null ? null : task.getString("name")));
        }
        return out;
    }

    private List<String> checkedQueues(List<String> ids, String company) {
        if (ids == null) {
            return null;
        }
        for (String id : ids) {
            if (id == null || OwnedDocuments.byId(queues, id, Ownership.company(company),
                    Projections.include("_id")) == null) {
                throw ApiError.INVALID_QUEUE_ID.toException(Map.of("queue", String.valueOf(id)));
            }
        }
        return List.copyOf(ids);
    }

    private Worker fresh(CallContext ctx, String id, Instant now, long timeout) {
        return new Worker(id, ctx.company(), ctx.caller().companyName(), ctx.caller().userId(),
                ctx.caller().userName(), ctx.clientIp(), now, now, null, timeout, List.of(), null, null, null,
                List.of(), List.of());
    }

    private Instant timestamp(ObjectNode body) {
        JsonNode node = body.get("timestamp");
        if (node == null || node.isNull()) {
            throw ApiError.MISSING_REQUIRED_FIELDS.toException("timestamp is required", Map.of("field",
                    "timestamp"));
        }
        if (!node.isNumber()) {
            throw Fields.wrongType("timestamp", "a number (epoch seconds)");
        }
        long value = node.asLong();
        // seconds per the API; clients that send milliseconds are recognised by the size of the number
        return value > 100_000_000_000L ? Instant.ofEpochMilli(value) : Instant.ofEpochSecond(value);
    }

    private static String workerId(ObjectNode body) {
        String id = Fields.requireString(body, "worker");
        if (id.isBlank()) {
            throw ApiError.INVALID_WORKER_ID.toException("worker id must not be empty", Map.of("worker", id));
        }
        return id;
    }

    private static Map<String, Object> idName(String id, String name) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", id);
        out.put("name", name);
        return out;
    }

    private static String nonEmpty(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private static List<String> or(List<String> value, List<String> fallback) {
        return value == null ? fallback : List.copyOf(value);
    }

    /** from_date / to_date (epoch seconds) and interval (seconds ≥ 1); buckets start at from_date. */
    record Range(long from, long to, long interval) {

        static Range of(ObjectNode body) {
            long from = epoch(body, "from_date");
            long to = epoch(body, "to_date");
            Integer interval = Fields.optInt(body, "interval");
            if (interval == null) {
                throw ApiError.MISSING_REQUIRED_FIELDS.toException("interval is required",
                        Map.of("field", "interval"));
            }
            if (interval < 1) {
                throw ApiError.VALIDATION_ERROR.toException("interval must be at least 1 second",
                        Map.of("interval", interval));
            }
            if (to < from) {
                throw ApiError.VALIDATION_ERROR.toException("to_date must not be before from_date",
                        Map.of("from_date", from, "to_date", to));
            }
            return new Range(from, to, interval);
        }

        private static long epoch(ObjectNode body, String field) {
            JsonNode node = body.get(field);
            if (node == null || node.isNull()) {
                throw ApiError.MISSING_REQUIRED_FIELDS.toException(field + " is required", Map.of("field", field));
            }
            if (!node.isNumber()) {
                throw Fields.wrongType(field, "a number (epoch seconds)");
            }
            return node.asLong();
        }

        long fromMillis() {
            return from * 1000;
        }

        long toMillis() {
            return to * 1000 + 999;
        }

        long bucket(long millis) {
            long seconds = millis / 1000;
            return from + ((seconds - from) / interval) * interval;
        }
    }
}
