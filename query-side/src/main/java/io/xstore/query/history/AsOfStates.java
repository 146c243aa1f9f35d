package io.xstore.query.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xstore.protocol.ApiException;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * {@code as_of} of {@code tasks/models/projects.get_by_id} (docs/api/history.md, "State as of a time"): the entity's
 * stored-shape document folded from its events up to that time, for the endpoint to shape exactly as it shapes the
 * stored one.
 */
@Component
public class AsOfStates {

    private final EntityTimeline timeline;

    public AsOfStates(EntityTimeline timeline) {
        this.timeline = timeline;
    }

    /** Whether the request asks for a past state. */
    public static boolean requested(ObjectNode body) {
        JsonNode asOf = body.get("as_of");
        return asOf != null && !asOf.isNull();
    }

    /** The request body without {@code as_of}, for the endpoint's usual field handling. */
    public static ObjectNode withoutAsOf(ObjectNode body) {
        ObjectNode copy = body.deepCopy();
        copy.remove("as_of");
        return copy;
    }

    /** The requested time; a 400 validation error naming {@code as_of} when it is not one. */
    public static Instant asOf(ObjectNode body) {
        return HistoryQuery.time(body.get("as_of"), "as_of");
    }

    /** The entity's document as of {@code time}; null when it did not exist then (or has no events of its kind). */
    public Document document(HistoryEntity entity, String id, Instant time) {
        try {
            return timeline.fold(entity, id, null, step -> HistoryQuery.atOrBefore(step.time(), time), false)
                    .document();
        } catch (ApiException notFound) {
            return null;
        }
    }
}
