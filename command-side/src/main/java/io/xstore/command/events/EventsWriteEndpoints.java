package io.xstore.command.events;

import com.fasterxml.jackson.databind.JsonNode;
import io.xstore.protocol.ApiEndpoint;
import io.xstore.protocol.ApiError;
import io.xstore.protocol.CallContext;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The writing endpoints of the ClearML {@code events} service: metric and console events go to the durable event
 * log (Kafka), from which they are indexed. The answer comes once the log has acknowledged them.
 */
@Component
public class EventsWriteEndpoints {

    private final EventTargets targets;
    private final MetricEventLog eventLog;

    public EventsWriteEndpoints(EventTargets targets, MetricEventLog eventLog) {
        this.targets = targets;
        this.eventLog = eventLog;
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

    private Map<String, Object> store(CallContext ctx, List<JsonNode> lines) {
        MetricEventValidator validator = new MetricEventValidator(targets, ctx);
        List<MetricEvent> accepted = new ArrayList<>(lines.size());
        for (JsonNode line : lines) {
            validator.validate(line).ifPresent(accepted::add);
        }
        if (accepted.isEmpty()) {
            throw ApiError.EVENTS_NOT_ADDED.toException(Map.copyOf(validator.errors));
        }
        eventLog.append(accepted);
        int rejected = lines.size() - accepted.size();
        return Map.of("added", accepted.size(), "errors", rejected, "errors_info", validator.errors);
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
