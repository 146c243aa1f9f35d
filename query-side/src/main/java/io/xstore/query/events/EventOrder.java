package io.xstore.query.events;

import io.xstore.readmodel.events.EventFields;

import java.util.Comparator;
import java.util.Map;

/** Orders of returned events, applied in memory to results gathered from several searches. */
final class EventOrder {

    private EventOrder() {
    }

    static final Comparator<Map<String, Object>> METRIC_VARIANT =
            Comparator.<Map<String, Object>, String>comparing(e -> EventDocuments.stringOf(e, EventFields.METRIC))
                    .thenComparing(e -> EventDocuments.stringOf(e, EventFields.VARIANT));

    /** Latest iteration first, then by metric and variant. */
    static final Comparator<Map<String, Object>> LATEST_FIRST =
            Comparator.<Map<String, Object>>comparingLong(e -> -EventDocuments.longOf(e, EventFields.ITER, 0))
                    .thenComparing(METRIC_VARIANT);
}
