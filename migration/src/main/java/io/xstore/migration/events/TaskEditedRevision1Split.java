package io.xstore.migration.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code TaskEditedEvent} revision 1 carried every changed field, so a move or a tag change was a generic edit. It
 * becomes the intent events (renamed, comment changed, tags changed, system tags changed, moved) and, for what is
 * left, a revision 2 {@code TaskEditedEvent}.
 */
@Component
public final class TaskEditedRevision1Split extends JsonEventSplit {

    private static final String TASK = "io.xstore.api.task.";

    public TaskEditedRevision1Split() {
        super(TASK + "TaskEditedEvent", "1");
    }

    @Override
    protected List<Part> split(ObjectNode payload) {
        ObjectNode changes = payload.get("changes") instanceof ObjectNode node ? node.deepCopy()
                : payload.objectNode();
        List<Part> parts = new ArrayList<>();
        intent(parts, payload, changes, "name", "TaskRenamedEvent", "name");
        intent(parts, payload, changes, "comment", "TaskCommentChangedEvent", "comment");
        intent(parts, payload, changes, "tags", "TaskTagsChangedEvent", "tags");
        intent(parts, payload, changes, "systemTags", "TaskSystemTagsChangedEvent", "systemTags");
        intent(parts, payload, changes, "project", "TaskMovedEvent", "project");
        boolean restChanged = false;
        for (JsonNode value : changes) {
            restChanged |= !value.isNull();
        }
        if (restChanged || parts.isEmpty()) {
            ObjectNode rest = copy(payload, "taskId");
            rest.set("changes", changes);
            rest.set("audit", payload.get("audit"));
            parts.add(new Part(TASK + "TaskEditedEvent", "2", rest));
        }
        return parts;
    }

    /** When {@code changes} holds {@code field}, an event of {@code type} carrying it; the field leaves changes. */
    private static void intent(List<Part> parts, ObjectNode payload, ObjectNode changes, String field, String type,
                               String property) {
        JsonNode value = changes.remove(field);
        if (value == null || value.isNull()) {
            return;
        }
        ObjectNode event = copy(payload, "taskId");
        event.set(property, value);
        event.set("audit", payload.get("audit"));
        parts.add(new Part(TASK + type, EventRevisions.FIRST, event));
    }
}
