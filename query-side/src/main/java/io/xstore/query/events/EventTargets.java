package io.xstore.query.events;

import io.xstore.readmodel.events.EventIndices;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The validated tasks (or models) of one call, in request order, and the event indices that hold their events. */
public record EventTargets(List<EventTarget> all, boolean models) {

    public List<String> ids() {
        return all.stream().map(EventTarget::id).toList();
    }

    public EventTarget get(String id) {
        return all.stream().filter(t -> t.id().equals(id)).findFirst().orElse(null);
    }

    public EventTarget single() {
        return all.get(0);
    }

    /** The indices of one event type for the companies of these targets. */
    public List<String> indices(String type) {
        return all.stream().map(t -> EventIndices.index(type, t.indexCompany())).distinct().toList();
    }

    /** The indices of several event types (all types when empty). */
    public List<String> indices(List<String> types) {
        return (types.isEmpty() ? EventIndices.TYPES : types).stream().flatMap(type -> indices(type).stream())
                .distinct().toList();
    }

    public Map<String, String> names() {
        Map<String, String> names = new LinkedHashMap<>();
        all.forEach(t -> names.put(t.id(), t.name()));
        return names;
    }
}
