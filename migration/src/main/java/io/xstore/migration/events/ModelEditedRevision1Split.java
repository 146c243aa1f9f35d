package io.xstore.migration.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * {@code ModelEditedEvent} revision 1 carried every changed field. It becomes renamed, comment changed, tags updated,
 * system tags changed and moved events and, for what is left, a revision 2 {@code ModelEditedEvent}.
 */
@Component
public final class ModelEditedRevision1Split extends JsonEventSplit {

    private static final String MODEL = "io.xstore.api.model.";

    public ModelEditedRevision1Split() {
        super(MODEL + "ModelEditedEvent", "1");
    }

    @Override
    protected List<Part> split(ObjectNode payload) {
        return new IntentSplit(payload, "modelId", "fields", MODEL)
                .intent("name", "ModelRenamedEvent", "name")
                .intent("comment", "ModelCommentChangedEvent", "comment")
                .intent("tags", "ModelTagsUpdatedEvent", "tags")
                .intent("systemTags", "ModelSystemTagsChangedEvent", "systemTags")
                .intent("project", "ModelMovedEvent", "project")
                .rest("ModelEditedEvent", "2");
    }
}
