package io.xstore.projection.processing;

import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.Segment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A projector's processing groups (one invoker each), and which of them handle each payload type, looked up once per
 * type. Asking the projector's whole invoker instead walks every handler method of every group for each event, once
 * to ask and once more to handle: a tenth of the server's CPU under a stream of commands.
 */
final class HandlerGroups {

    private static final int[] NONE = new int[0];

    private final List<EventHandlerInvoker> groups = new ArrayList<>();
    private final Map<Class<?>, int[]> byType = new ConcurrentHashMap<>();

    HandlerGroups(EventHandlerInvoker invoker) {
        flatten(invoker);
    }

    private void flatten(EventHandlerInvoker invoker) {
        if (invoker instanceof MultiEventHandlerInvoker multi) {
            multi.delegates().forEach(this::flatten);
        } else {
            groups.add(invoker);
        }
    }

    int size() {
        return groups.size();
    }

    /** The groups handling events of this payload type, by index. */
    int[] of(Class<?> payloadType) {
        return byType.computeIfAbsent(payloadType, this::lookUp);
    }

    void handle(int group, EventMessage<?> event) throws Exception {
        groups.get(group).handle(event, Segment.ROOT_SEGMENT);
    }

    /** Hands the event to every group that handles its type; returns whether there was one. */
    boolean handle(EventMessage<?> event) throws Exception {
        int[] handling = of(event.getPayloadType());
        for (int group : handling) {
            handle(group, event);
        }
        return handling.length > 0;
    }

    private int[] lookUp(Class<?> payloadType) {
        List<Integer> found = new ArrayList<>();
        for (int group = 0; group < groups.size(); group++) {
            if (groups.get(group).canHandleType(payloadType)) {
                found.add(group);
            }
        }
        return found.isEmpty() ? NONE : found.stream().mapToInt(Integer::intValue).toArray();
    }
}
