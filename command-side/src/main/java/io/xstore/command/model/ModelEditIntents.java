package io.xstore.command.model;

import io.xstore.api.AuditEntry;
import io.xstore.api.model.ModelCommentChangedEvent;
import io.xstore.api.model.ModelEditedEvent;
import io.xstore.api.model.ModelFields;
import io.xstore.api.model.ModelMovedEvent;
import io.xstore.api.model.ModelRenamedEvent;
import io.xstore.api.model.ModelSystemTagsChangedEvent;
import io.xstore.api.model.ModelTagsUpdatedEvent;

import java.util.ArrayList;
import java.util.List;

/** A model edit as one event per intent: renamed, comment, tags, system tags, moved, then the rest. */
final class ModelEditIntents {

    private ModelEditIntents() {
    }

    static List<Object> events(String modelId, ModelFields f, AuditEntry audit) {
        List<Object> events = new ArrayList<>();
        if (f.name() != null) {
            events.add(new ModelRenamedEvent(modelId, f.name(), audit));
        }
        if (f.comment() != null) {
            events.add(new ModelCommentChangedEvent(modelId, f.comment(), audit));
        }
        if (f.tags() != null) {
            events.add(new ModelTagsUpdatedEvent(modelId, f.tags(), audit));
        }
        if (f.systemTags() != null) {
            events.add(new ModelSystemTagsChangedEvent(modelId, f.systemTags(), audit));
        }
        if (f.project() != null) {
            events.add(new ModelMovedEvent(modelId, f.project(), audit));
        }
        ModelFields rest = new ModelFields(null, f.uri(), f.framework(), f.design(), f.labels(), null, null, null,
                f.task(), null, f.parent(), f.ready(), f.created(), f.uiCache(), f.metadata());
        if (!rest.changesNothing()) {
            events.add(new ModelEditedEvent(modelId, rest, audit));
        }
        return events;
    }
}
