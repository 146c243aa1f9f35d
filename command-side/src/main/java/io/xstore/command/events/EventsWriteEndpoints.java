package io.xstore.command.events;

import com.fasterxml.jackson.databind.JsonNode;
import io.xstore.api.metrics.LogPosition;
import io.xstore.api.metrics.MetricEventBatch;
import io.xstore.api.metrics.MetricEventsDeletion;
import io.xstore.api.metrics.MetricLogEntry;
import io.xstore.command.events.EventTargets.EventTarget;
import io.xstore.command.events.MetricEventLog.Keyed;
import io.xstore.protocol.ApiEndpoint;
import io.xstore.protocol.ApiError;
import io.xstore.protocol.CallContext;
import io.xstore.protocol.ConsistencyBarrier;
import io.xstore.protocol.Fields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The writing endpoints of the ClearML {@code events} service. Events and deletions go to the durable event log
 * (Kafka), one entry per task in one transaction; the answer comes once they are indexed and the task's summary is
 * in the read model, so every query right after sees them.
 */
@Component
public class EventsWriteEndpoints {

    private static final Logger log = LoggerFactory.getLogger(EventsWriteEndpoints.class);

    private final EventTargets targets;
    private final MetricEventLog eventLog;
    private final MetricIndexing indexing;
    private final RecordedDeletes deletes;
    private final ConsistencyBarrier readModels;

    public EventsWriteEndpoints(EventTargets targets, MetricEventLog eventLog, MetricIndexing indexing,
                                RecordedDeletes deletes, ConsistencyBarrier readModels) {
        this.targets = targets;
        this.eventLog = eventLog;
        this.indexing = indexing;
        this.deletes = deletes;
        this.readModels = readModels;
    }

    @ApiEndpoint("events.add_batch")
    public Object addBatch(CallContext ctx) {
        List<JsonNode> lines = ctx.batch() != null ? ctx.batch() : batchFromBody(ctx);
        if (lines.isEmpty()) {
            throw ApiError.BATCH_CONTAINS_NO_ITEMS.toException();
        }
        return store(ctx, lines);
    }

    @ApiEndpoint("events.add")
    public Object add(CallContext ctx) {
        return store(ctx, List.of(ctx.body()));
    }

    @ApiEndpoint(value = "events.delete_for_task", since = "2.1")
    public Object deleteForTask(CallContext ctx) {
        EventTarget task = writable(ctx, Fields.requireString(ctx.body(), "task"), false);
        return Map.of("deleted", delete(ctx, task, false, MetricEventsDeletion.Scope.ALL, null, List.of(), List.of()));
    }

    @ApiEndpoint(value = "events.delete_for_model", since = "2.22")
    public Object deleteForModel(CallContext ctx) {
        EventTarget model = writable(ctx, Fields.requireString(ctx.body(), "model"), true);
        return Map.of("deleted", delete(ctx, model, true, MetricEventsDeletion.Scope.ALL, null, List.of(), List.of()));
    }

    @ApiEndpoint(value = "events.clear_task_log", since = "2.19")
    public Object clearTaskLog(CallContext ctx) {
        EventTarget task = writable(ctx, Fields.requireString(ctx.body(), "task"), false);
        Integer thresholdSec = Fields.optInt(ctx.body(), "threshold_sec");
        if (thresholdSec != null && thresholdSec < 0) {
            throw ApiError.VALIDATION_ERROR.toException("threshold_sec must not be negative");
        }
        Long olderThan = thresholdSec == null || thresholdSec == 0 ? null
                : ctx.receivedAt().toEpochMilli() - thresholdSec * 1000L;
        long deleted = delete(ctx, task, false, MetricEventsDeletion.Scope.LOG, olderThan,
                orEmpty(Fields.optStringList(ctx.body(), "include_metrics")),
                orEmpty(Fields.optStringList(ctx.body(), "exclude_metrics")));
        return Map.of("deleted", deleted);
    }

    private Map<String, Object> store(CallContext ctx, List<JsonNode> lines) {
        MetricEventValidator validator = new MetricEventValidator(targets, ctx);
        Map<String, List<MetricEvent>> byTarget = new LinkedHashMap<>();
        int accepted = 0;
        for (JsonNode line : lines) {
            var event = validator.validate(line);
            if (event.isPresent()) {
                byTarget.computeIfAbsent((event.get().model() ? "m:" : "t:") + event.get().target(),
                        key -> new ArrayList<>()).add(event.get());
                accepted++;
            }
        }
        if (accepted == 0) {
            throw ApiError.EVENTS_NOT_ADDED.toException(Map.copyOf(validator.errors));
        }
        List<Keyed> entries = new ArrayList<>(byTarget.size());
        for (List<MetricEvent> events : byTarget.values()) {
            MetricEvent first = events.get(0);
            entries.add(new Keyed(first.target(), MetricLogEntry.of(new MetricEventBatch(first.target(), first.model(),
                    first.company(), events.stream().map(MetricEvent::fields).toList(), ctx.audit()))));
        }
        long start = System.nanoTime();
        List<LogPosition> positions = eventLog.append(entries);
        long appended = System.nanoTime();
        indexing.awaitIndexed(positions);
        long indexed = System.nanoTime();
        readModels.awaitProjections();
        if (log.isDebugEnabled()) {
            log.debug("add_batch {} events: log {} ms, indexed {} ms, read models {} ms", accepted,
                    (appended - start) / 1_000_000, (indexed - appended) / 1_000_000,
                    (System.nanoTime() - indexed) / 1_000_000);
        }
        return Map.of("added", accepted, "errors", lines.size() - accepted, "errors_info", validator.errors);
    }

    private long delete(CallContext ctx, EventTarget target, boolean model, MetricEventsDeletion.Scope scope,
                        Long olderThan, List<String> include, List<String> exclude) {
        long deleted = deletes.apply(new MetricEventsDeletion(target.id(), model, target.company(), scope, olderThan,
                include, exclude, ctx.audit()));
        readModels.awaitProjections();
        return deleted;
    }

    private EventTarget writable(CallContext ctx, String id, boolean model) {
        EventTarget target = targets.find(id, model, ctx.company()).orElseThrow(() -> model
                ? ApiError.INVALID_MODEL_ID.toException(Map.of("id", id))
                : ApiError.INVALID_TASK_ID.toException(Map.of("id", id)));
        if (target.locked() && !Fields.optBool(ctx.body(), "allow_locked", false)) {
            throw model ? ApiError.MODEL_IS_READY.toException(Map.of("id", id))
                    : ApiError.INVALID_TASK_STATUS.toException("Task is published, set allow_locked to change it");
        }
        return target;
    }

    private static List<String> orEmpty(List<String> values) {
        return values == null ? List.of() : values;
    }

    /** A JSON body of {@code {"requests": [...]}} is accepted too, as some clients send batches that way. */
    private static List<JsonNode> batchFromBody(CallContext ctx) {
        JsonNode requests = ctx.body().get("requests");
        List<JsonNode> lines = new ArrayList<>();
        if (requests != null && requests.isArray()) {
            requests.forEach(lines::add);
        }
        return lines;
    }
}
