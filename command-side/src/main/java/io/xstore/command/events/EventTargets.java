package io.xstore.command.events;

import java.util.Optional;

/**
 * Where metric events may be written: the task (or model) an event names, as the read model knows it. Implemented
 * by the server over the read models.
 */
public interface EventTargets {

    Optional<EventTarget> find(String id, boolean model, String company);

    /** A task or model that events are reported for; {@code locked} = published task or ready model. */
    record EventTarget(String id, String company, boolean locked) {
    }
}
