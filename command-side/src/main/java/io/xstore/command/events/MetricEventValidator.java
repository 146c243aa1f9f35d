package io.xstore.command.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xstore.command.events.EventTargets.EventTarget;
import io.xstore.protocol.CallContext;
import io.xstore.protocol.WireDates;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks each event of a batch (type, target, iteration range, lock) and fills the fields the server adds before
 * storing; a rejected event is counted under its reason, as the reference does, and does not fail the batch.
 */
final class MetricEventValidator {

    static final Set<String> TYPES = Set.of("training_stats_scalar", "training_stats_vector", "plot",
            "training_debug_image", "log");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final EventTargets targets;
    private final CallContext ctx;
    private final Map<String, Optional<EventTarget>> resolved = new HashMap<>();
    final Map<String, Integer> errors = new LinkedHashMap<>();

    MetricEventValidator(EventTargets targets, CallContext ctx) {
        this.targets = targets;
        this.ctx = ctx;
    }

    Optional<MetricEvent> validate(JsonNode line) {
        if (!(line instanceof ObjectNode event)) {
            return reject("Event is not an object");
        }
        String type = text(event, "type");
        if (type == null) {
            return reject("Event must have a 'type' field");
        }
        type = type.replace(' ', '_');
        if (!TYPES.contains(type)) {
            return reject("Invalid event type " + type);
        }
        String id = text(event, "task");
        if (id == null) {
            return reject("Event must have a 'task' field");
        }
        boolean modelEvent = event.path("model_event").asBoolean(false);
        if (modelEvent && type.equals("log")) {
            return reject("Model events cannot be of type log");
        }
        Optional<EventTarget> target = resolved.computeIfAbsent((modelEvent ? "m:" : "t:") + id,
                key -> targets.find(id, modelEvent, ctx.company()));
        if (target.isEmpty()) {
            return reject(modelEvent ? "Invalid model id" : "Invalid task id");
        }
        boolean allowLocked = event.path("allow_locked").asBoolean(false);
        if (target.get().locked() && !allowLocked) {
            return reject(modelEvent ? "Model is published" : "Task is published");
        }
        JsonNode iter = event.get("iter");
        if (iter != null && !iter.isNull() && (!iter.isIntegralNumber() || !iter.canConvertToLong())) {
            return reject("Iteration number should be a 64-bit integer");
        }
        String badValue = badValue(type, event);
        if (badValue != null) {
            return reject(badValue);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = JSON.convertValue(event, LinkedHashMap.class);
        fields.remove("allow_locked");
        fields.put("type", type);
        fields.put("model_event", modelEvent);
        fields.putIfAbsent("timestamp", event.has("ts") ? fields.remove("ts") : System.currentTimeMillis());
        fields.put("metric", nonNull(text(event, "metric")));
        fields.put("variant", nonNull(text(event, "variant")));
        if (text(event, "worker") == null && ctx.worker() != null) {
            fields.put("worker", ctx.worker());
        }
        if (type.equals("training_stats_vector") && fields.containsKey("values")) {
            fields.put("value", fields.remove("values"));
        }
        fields.put("@timestamp", WireDates.format(Instant.now()));
        return Optional.of(new MetricEvent(id, modelEvent, target.get().company(), fields));
    }

    /** Values Elasticsearch would refuse: a scalar that is not a finite number, a vector of anything else. */
    private static String badValue(String type, ObjectNode event) {
        if (type.equals("training_stats_scalar") && !finite(event.get("value"))) {
            return "Scalar value must be a finite number";
        }
        JsonNode values = event.get("values");
        if (type.equals("training_stats_vector") && values != null) {
            if (!values.isArray()) {
                return "Vector values must be a list of finite numbers";
            }
            for (JsonNode value : values) {
                if (!finite(value)) {
                    return "Vector values must be a list of finite numbers";
                }
            }
        }
        return null;
    }

    private static boolean finite(JsonNode value) {
        return value != null && value.isNumber() && Double.isFinite(value.asDouble());
    }

    private Optional<MetricEvent> reject(String reason) {
        errors.merge(reason, 1, Integer::sum);
        return Optional.empty();
    }

    private static String text(ObjectNode event, String field) {
        JsonNode node = event.get(field);
        return node == null || node.isNull() || node.asText().isEmpty() ? null : node.asText();
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
