package io.xstore.query.history;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.xstore.api.AuditEntry;
import io.xstore.api.task.TaskStatusEvent;
import io.xstore.protocol.ApiEndpoint;
import io.xstore.protocol.ApiError;
import io.xstore.protocol.CallContext;
import io.xstore.protocol.Fields;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The full history of an experiment, model or project, read straight from the event store: every change in order,
 * with who made it, when, and through which API call. Not a ClearML endpoint; the web app's history view uses it.
 */
@Component
public class HistoryEndpoints {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final EventStore eventStore;

    public HistoryEndpoints(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @ApiEndpoint("history.get_task")
    public Object task(CallContext ctx) {
        String id = Fields.requireString(ctx.body(), "task");
        return history(ctx, id, "Task", missing -> ApiError.INVALID_TASK_ID.toException(Map.of("id", missing)));
    }

    @ApiEndpoint("history.get_model")
    public Object model(CallContext ctx) {
        String id = Fields.requireString(ctx.body(), "model");
        return history(ctx, id, "Model", missing -> ApiError.INVALID_MODEL_ID.toException(Map.of("id", missing)));
    }

    @ApiEndpoint("history.get_project")
    public Object project(CallContext ctx) {
        String id = Fields.requireString(ctx.body(), "project");
        return history(ctx, id, "Project",
                missing -> ApiError.INVALID_PROJECT_ID.toException(Map.of("id", missing)));
    }

    /** A queue's history: created, entries added / moved / removed / popped (by which worker), changes. */
    @ApiEndpoint("history.get_queue")
    public Object queue(CallContext ctx) {
        String id = Fields.requireString(ctx.body(), "queue");
        return history(ctx, id, "Queue", missing -> ApiError.INVALID_QUEUE_ID.toException(Map.of("id", missing)));
    }

    /** The events of aggregate {@code id}, if it is of the expected kind (its event names' prefix) and company. */
    private Map<String, Object> history(CallContext ctx, String id, String kind,
                                        Function<String, RuntimeException> notFound) {
        List<Map<String, Object>> entries = new ArrayList<>();
        eventStore.readEvents(id).asStream().forEach(event -> entries.add(entry(event)));
        if (entries.isEmpty() || !String.valueOf(entries.get(0).get("event")).startsWith(kind)
                || !ownedBy(entries.get(0), ctx.company())) {
            throw notFound.apply(id);
        }
        return Map.of("id", id, "events", entries);
    }

    private static boolean ownedBy(Map<String, Object> created, String company) {
        return company.equals(created.get("company"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> entry(DomainEventMessage<?> event) {
        Map<String, Object> change = JSON.convertValue(event.getPayload(), LinkedHashMap.class);
        change.remove("audit");
        if (event.getPayload() instanceof TaskStatusEvent status && !change.containsKey("to")) {
            change.put("to", status.to());
        }
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("sequence", event.getSequenceNumber());
        entry.put("event", event.getPayloadType().getSimpleName());
        entry.put("timestamp", event.getTimestamp());
        if (event.getPayload() instanceof Record && auditOf(event.getPayload()) instanceof AuditEntry audit) {
            entry.put("user", audit.userId());
            entry.put("user_name", audit.userName());
            entry.put("company", audit.companyId());
            entry.put("call_id", audit.callId());
            entry.put("at", audit.at());
        }
        entry.put("change", change);
        return entry;
    }

    private static Object auditOf(Object payload) {
        for (var component : payload.getClass().getRecordComponents()) {
            if (component.getType() == AuditEntry.class) {
                try {
                    return component.getAccessor().invoke(payload);
                } catch (ReflectiveOperationException e) {
                    return null;
                }
            }
        }
        return null;
    }
}
