package io.xstore.migration.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xstore.migration.events.JsonEventSplit.Part;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a stored generic edit ({@code {<id>, <changes>: {...}, audit}}) into intent events: each named field of the
 * changes that is set becomes its own event, and what is left stays a generic edit of a newer revision.
 */
final class IntentSplit {

    private final ObjectNode payload;
    private final String idField;
    private final String changesField;
    private final String typePrefix;
    private final ObjectNode changes;
    private final List<Part> parts = new ArrayList<>();

    IntentSplit(ObjectNode payload, String idField, String changesField, String typePrefix) {
        this.payload = payload;
        this.idField = idField;
        this.changesField = changesField;
        this.typePrefix = typePrefix;
        this.changes = payload.get(changesField) instanceof ObjectNode node ? node.deepCopy() : payload.objectNode();
    }

    /** When the changes set {@code field}, an event of {@code type} with it as {@code property}. */
    IntentSplit intent(String field, String type, String property) {
        JsonNode value = changes.remove(field);
        if (value != null && !value.isNull()) {
            ObjectNode event = JsonEventSplit.copy(payload, idField);
            event.set(property, value);
            event.set("audit", payload.get("audit"));
            parts.add(new Part(typePrefix + type, EventRevisions.FIRST, event));
        }
        return this;
    }

    /** The parts, ending with a generic edit of what is left when anything is (or when nothing else was set). */
    List<Part> rest(String type, String revision) {
        boolean restChanged = false;
        for (JsonNode value : changes) {
            restChanged |= !value.isNull();
        }
        if (restChanged || parts.isEmpty()) {
            ObjectNode rest = JsonEventSplit.copy(payload, idField);
            rest.set(changesField, changes);
            rest.set("audit", payload.get("audit"));
            parts.add(new Part(typePrefix + type, revision, rest));
        }
        return parts;
    }

    /** The parts alone: a stored edit that set none of the named fields is dropped. */
    List<Part> parts() {
        return parts;
    }
}
