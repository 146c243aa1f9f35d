package io.xstore.projection.metrics;

import co.elastic.clients.elasticsearch._types.mapping.DynamicMapping;
import co.elastic.clients.elasticsearch._types.mapping.Property;
import co.elastic.clients.elasticsearch._types.mapping.TypeMapping;
import io.xstore.readmodel.events.EventFields;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The mapping of every {@code events-*} index (events contract): exact-match fields as keywords, event time in epoch
 * ms, large texts kept in {@code _source} only, and {@code dynamic: false} so other client fields are stored but not
 * indexed.
 */
final class EventIndexTemplate {

    static final String NAME = "xstore-events";
    static final long PRIORITY = 200L;

    private EventIndexTemplate() {
    }

    static TypeMapping mapping() {
        Map<String, Property> properties = new LinkedHashMap<>();
        for (String keyword : List.of(EventFields.TASK, EventFields.TYPE, EventFields.COMPANY, EventFields.WORKER,
                EventFields.METRIC, EventFields.VARIANT, EventFields.LEVEL, EventFields.URL, EventFields.KEY,
                EventFields.SOURCE_URLS)) {
            properties.put(keyword, Property.of(p -> p.keyword(k -> k)));
        }
        properties.put(EventFields.TIMESTAMP, Property.of(p -> p.date(d -> d.format("epoch_millis"))));
        properties.put(EventFields.WRITE_TIME, Property.of(p -> p.date(d -> d)));
        properties.put(EventFields.ITER, Property.of(p -> p.long_(l -> l)));
        properties.put(EventFields.SEQ, Property.of(p -> p.long_(l -> l)));
        properties.put(EventFields.VALUE, Property.of(p -> p.double_(d -> d)));
        properties.put(EventFields.MODEL_EVENT, Property.of(p -> p.boolean_(b -> b)));
        properties.put(EventFields.MSG, Property.of(p -> p.text(t -> t.index(false))));
        properties.put(EventFields.PLOT_STR, Property.of(p -> p.text(t -> t.index(false))));
        properties.put(EventFields.PLOT_DATA, Property.of(p -> p.binary(b -> b)));
        properties.put(EventFields.PLOT_LEN, Property.of(p -> p.integer(i -> i)));
        return TypeMapping.of(m -> m.dynamic(DynamicMapping.False).properties(properties));
    }
}
