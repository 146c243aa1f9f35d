package io.xstore.migration.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * {@code ProjectUpdatedEvent} (revision 1, every plain field nullable) becomes description changed, tags changed,
 * system tags changed and default output destination changed events, one per field it set.
 */
@Component
public final class ProjectUpdatedSplit extends JsonEventSplit {

    private static final String PROJECT = "io.xstore.api.project.";

    public ProjectUpdatedSplit() {
        super(PROJECT + "ProjectUpdatedEvent", "1");
    }

    @Override
    protected List<Part> split(ObjectNode payload) {
        ObjectNode wrapped = JsonEventSplit.copy(payload, "projectId", "audit");
        wrapped.set("changes", payload);
        return new IntentSplit(wrapped, "projectId", "changes", PROJECT)
                .intent("description", "ProjectDescriptionChangedEvent", "description")
                .intent("tags", "ProjectTagsChangedEvent", "tags")
                .intent("systemTags", "ProjectSystemTagsChangedEvent", "systemTags")
                .intent("defaultOutputDestination", "ProjectDefaultOutputDestinationChangedEvent",
                        "defaultOutputDestination")
                .parts();
    }
}
