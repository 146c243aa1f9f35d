package io.xstore.query.queues;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import io.xstore.protocol.ApiEndpoint;
import io.xstore.protocol.ApiError;
import io.xstore.protocol.CallContext;
import io.xstore.protocol.Fields;
import io.xstore.query.engine.EntitySpecs;
import io.xstore.query.engine.ReadModelQuery;
import io.xstore.query.engine.Scope;
import io.xstore.readmodel.Collections;
import io.xstore.readmodel.OwnedDocuments;
import io.xstore.readmodel.Ownership;
import org.bson.Document;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Read endpoints of the {@code queues} service over the {@code queues} read model (docs/api/queues.md). */
@Component
public class QueuesReadEndpoints {

    static final String HIDDEN_TAG = "k8s-glue";

    private final ReadModelQuery query;
    private final QueueWorkers workers;
    private final MongoCollection<Document> metrics;

    public QueuesReadEndpoints(ReadModelQuery query, MongoDatabase database, ObjectProvider<QueueWorkers> workers) {
        this.query = query;
        this.metrics = database.getCollection(Collections.QUEUE_METRICS);
        this.workers = workers.getIfAvailable(() -> (queue, company) -> List.of());
    }

    @ApiEndpoint(value = "queues.get_by_id", since = "2.4")
    public Object getById(CallContext ctx) {
        String id = Fields.requireString(ctx.body(), "queue");
        Map<String, Object> queue = query.findById(EntitySpecs.QUEUE, id, Scope.companyOnly(ctx.company()))
                .orElseThrow(() -> ApiError.INVALID_QUEUE_ID.toException(Map.of("queue", id)));
        limitEntries(List.of(queue), ctx.body());
        return Map.of("queue", queue);
    }

    @ApiEndpoint(value = "queues.get_all", since = "2.4")
    public Object getAll(CallContext ctx) {
        List<Map<String, Object>> queues = list(ctx);
        return Map.of("queues", queues);
    }

    /** Like get_all, with each entry's task name and the workers listening on each queue. */
    @ApiEndpoint(value = "queues.get_all_ex", since = "2.4")
    public Object getAllEx(CallContext ctx) {
        List<Map<String, Object>> queues = list(ctx);
        Map<String, String> names = taskNames(queues, ctx.company());
        for (Map<String, Object> queue : queues) {
            if (queue.get("entries") instanceof List<?> entries) {
                List<Object> joined = new ArrayList<>();
                for (Object entry : entries) {
                    if (entry instanceof Map<?, ?> map && map.get("task") instanceof String task) {
                        Map<String, Object> copy = new LinkedHashMap<>();
                        map.forEach((k, v) -> copy.put(String.valueOf(k), v));
                        copy.put("task", Map.of("id", task, "name", names.getOrDefault(task, "")));
                        joined.add(copy);
                    } else {
                        joined.add(entry);
                    }
                }
                queue.put("entries", joined);
            }
            if (queue.get("id") instanceof String id) {
                queue.put("workers", workers.listening(id, ctx.company()));
            }
        }
        return Map.of("queues", queues);
    }

    private List<Map<String, Object>> list(CallContext ctx) {
        ObjectNode body = ctx.body();
        boolean showHidden = Fields.optBool(body, "search_hidden", false) || body.has("id") || body.has("name");
        List<Map<String, Object>> queues = query.getAll(EntitySpecs.QUEUE, body, Scope.companyOnly(ctx.company()),
                showHidden ? null : Filters.ne("system_tags", HIDDEN_TAG), false).items();
        limitEntries(queues, body);
        return new ArrayList<>(queues);
    }

    @ApiEndpoint(value = "queues.get_default", since = "2.4")
    public Object getDefault(CallContext ctx) {
        List<Document> found = new ArrayList<>();
        query.collection(EntitySpecs.QUEUE).find(Filters.and(Filters.eq("company", ctx.company()),
                Filters.eq("system_tags", "default"))).projection(Projections.include("_id", "name"))
                .into(found);
        if (found.isEmpty()) {
            throw ApiError.NO_DEFAULT_QUEUE.toException(Map.of("company", ctx.company()));
        }
        if (found.size() > 1) {
            throw ApiError.MULTIPLE_DEFAULT_QUEUES.toException(Map.of("queues",
                    found.stream().map(d -> d.getString("_id")).toList()));
        }
        return Map.of("id", found.get(0).getString("_id"), "name", found.get(0).getString("name"));
    }

    @ApiEndpoint(value = "queues.peek_task", since = "2.15")
    public Object peekTask(CallContext ctx) {
        List<?> entries = entries(ctx);
        if (entries.isEmpty() || !(entries.get(0) instanceof Map<?, ?> first)) {
            return Map.of();
        }
        return Map.of("task", String.valueOf(first.get("task")));
    }

    @ApiEndpoint(value = "queues.get_num_entries", since = "2.15")
    public Object getNumEntries(CallContext ctx) {
        return Map.of("num", entries(ctx).size());
    }

    /**
     * Per queue and per interval of {@code interval} seconds between {@code from_date} and {@code to_date} (epoch
     * seconds): the queue's average waiting time and length, from the samples taken in the interval (one at each
     * change of its entries). Intervals without a sample are left out.
     */
    @ApiEndpoint(value = "queues.get_queue_metrics", since = "2.4")
    public Object getQueueMetrics(CallContext ctx) {
        ObjectNode body = ctx.body();
        long from = requireEpoch(body, "from_date");
        long to = requireEpoch(body, "to_date");
        Integer interval = Fields.optInt(body, "interval");
        if (interval == null || interval < 1) {
            throw ApiError.VALIDATION_ERROR.toException("interval must be a positive number of seconds",
                    Map.of("interval", String.valueOf(interval)));
        }
        if (to < from) {
            throw ApiError.VALIDATION_ERROR.toException("to_date must not be before from_date",
                    Map.of("from_date", from, "to_date", to));
        }
        List<String> ids = Fields.optStringList(body, "queue_ids");
        if (ids == null || ids.isEmpty()) {
            ids = new ArrayList<>();
            for (Document queue : query.collection(EntitySpecs.QUEUE).find(Filters.eq("company", ctx.company()))
                    .projection(Projections.include("_id"))) {
                ids.add(queue.getString("_id"));
            }
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (String id : ids) {
            out.add(metrics(id, ctx.company(), from, to, interval));
        }
        return Map.of("queues", out);
    }

    /** Per interval the sample with the longest average wait stands for it: that wait and that queue length. */
    private Map<String, Object> metrics(String queue, String company, long from, long to, int interval) {
        TreeMap<Long, Document> buckets = new TreeMap<>();
        for (Document sample : samples(queue, company, from, to)) {
            long at = sample.getDate("timestamp").toInstant().getEpochSecond();
            long bucket = from + ((at - from) / interval) * interval;
            Document best = buckets.get(bucket);
            if (best == null || waiting(sample) > waiting(best)) {
                buckets.put(bucket, sample);
            }
        }
        List<Long> dates = new ArrayList<>();
        List<Double> waits = new ArrayList<>();
        List<Integer> lengths = new ArrayList<>();
        buckets.forEach((bucket, sample) -> {
            dates.add(bucket);
            waits.add(round(waiting(sample)));
            lengths.add(((Number) sample.get("queue_length")).intValue());
        });
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("queue", queue);
        result.put("dates", dates);
        result.put("avg_waiting_times", waits);
        result.put("queue_lengths", lengths);
        return result;
    }

    private static double waiting(Document sample) {
        return ((Number) sample.get("average_waiting_time")).doubleValue();
    }

    private List<Document> samples(String queue, String company, long from, long to) {
        List<Document> out = new ArrayList<>();
        metrics.find(Filters.and(Filters.eq("queue", queue),
                        Filters.gte("timestamp", Date.from(Instant.ofEpochSecond(from))),
                        Filters.lte("timestamp", Date.from(Instant.ofEpochSecond(to)))))
                .sort(Sorts.ascending("timestamp")).into(out);
        out.removeIf(sample -> !company.equals(sample.getString("company")));
        return out;
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    private static long requireEpoch(ObjectNode body, String field) {
        if (!body.hasNonNull(field)) {
            throw ApiError.MISSING_REQUIRED_FIELDS.toException(field + " is required", Map.of("field", field));
        }
        if (!body.get(field).isNumber()) {
            throw Fields.wrongType(field, "a number (epoch seconds)");
        }
        return body.get(field).asLong();
    }

    private List<?> entries(CallContext ctx) {
        String id = Fields.requireString(ctx.body(), "queue");
        Document queue = OwnedDocuments.byId(query.collection(EntitySpecs.QUEUE), id,
                Ownership.company(ctx.company()), Projections.include("entries"));
        if (queue == null) {
            throw ApiError.INVALID_QUEUE_ID.toException(Map.of("queue", id));
        }
        return queue.get("entries") instanceof List<?> entries ? entries : List.of();
    }

    private static void limitEntries(List<Map<String, Object>> queues, ObjectNode body) {
        Integer max = Fields.optInt(body, "max_task_entries");
        if (max == null) {
            return;
        }
        for (Map<String, Object> queue : queues) {
            if (queue.get("entries") instanceof List<?> entries && entries.size() > max) {
                queue.put("entries", new ArrayList<>(entries.subList(0, Math.max(0, max))));
            }
        }
    }

    private Map<String, String> taskNames(List<Map<String, Object>> queues, String company) {
        List<String> ids = new ArrayList<>();
        for (Map<String, Object> queue : queues) {
            if (queue.get("entries") instanceof List<?> entries) {
                for (Object entry : entries) {
                    if (entry instanceof Map<?, ?> map && map.get("task") instanceof String task) {
                        ids.add(task);
                    }
                }
            }
        }
        Map<String, String> names = new HashMap<>();
        OwnedDocuments.byIds(query.collection(EntitySpecs.TASK), ids, Ownership.company(company),
                Projections.include("name")).forEach(doc -> names.put(doc.getString("_id"), doc.getString("name")));
        return names;
    }
}
