package io.xstore.migration.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Component;

import java.util.List;

/**
 * {@code TaskStatusChangedEvent} (revision 1, eleven fields whose nulls carried meaning) becomes the status event of
 * its intent. Which one is read off the fields it set, so that each gives the read model exactly what the old one
 * gave: "stopping" without a status change and without run times → a stop request; {@code started} set → started;
 * {@code completed} set → stopped or completed; {@code published} set → published; the rest by target status.
 */
@Component
public final class TaskStatusChangedSplit extends JsonEventSplit {

    private static final String TASK = "io.xstore.api.task.";
    private static final String STOPPING = "stopping";
    private static final String ABORTED_PREFIX = "Stopped by ";

    public TaskStatusChangedSplit() {
        super(TASK + "TaskStatusChangedEvent", "1");
    }

    @Override
    protected List<Part> split(ObjectNode old) {
        String from = text(old, "from");
        String to = text(old, "to");
        String message = text(old, "statusMessage");
        boolean setsNoTime = !set(old, "started") && !set(old, "completed") && !set(old, "published");
        String type = from.equals(to) && STOPPING.equals(message) && setsNoTime ? "TaskStopRequestedEvent"
                : switch (to) {
                    case "IN_PROGRESS" -> set(old, "started") ? "TaskStartedEvent" : "TaskResumedEvent";
                    case "STOPPED" -> set(old, "completed") ? "TaskStoppedEvent"
                            : message.startsWith(ABORTED_PREFIX) ? "TaskAbortedEvent" : "TaskStatusSetEvent";
                    case "COMPLETED" -> set(old, "completed") ? "TaskCompletedEvent" : "TaskStatusSetEvent";
                    case "PUBLISHED" -> set(old, "published") ? "TaskPublishedEvent" : "TaskStatusSetEvent";
                    case "FAILED" -> "TaskFailedEvent";
                    case "CLOSED" -> "TaskClosedEvent";
                    default -> "TaskStatusSetEvent";
                };
        ObjectNode event = copy(old, "taskId", "from");
        if (type.equals("TaskStatusSetEvent")) {
            event.put("to", to);
        }
        event.put("statusReason", text(old, "statusReason"));
        event.put("statusMessage", message);
        if (!type.equals("TaskStartedEvent") && !type.equals("TaskResumedEvent")
                && !type.equals("TaskStopRequestedEvent")) {
            JsonNode duration = old.get("activeDuration");
            event.put("activeDuration", duration == null || duration.isNull() ? 0 : duration.asLong());
        }
        event.put("forced", old.path("forced").asBoolean(false));
        event.set("audit", old.get("audit"));
        return List.of(new Part(TASK + type, EventRevisions.FIRST, event));
    }

    private static boolean set(ObjectNode node, String field) {
        return node.hasNonNull(field);
    }

    private static String text(ObjectNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? "" : value.asText();
    }
}
