package io.xstore.migration.events;

import org.axonframework.serialization.SimpleSerializedType;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/** Events stored before revisions existed are revision 1 of their type; first in the chain. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public final class UnversionedEvents extends SingleEventUpcaster {

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation event) {
        return event.getType().getRevision() == null;
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation event) {
        return unchanged(event, event.getContentType());
    }

    private static <T> IntermediateEventRepresentation unchanged(IntermediateEventRepresentation event,
                                                                 Class<T> representation) {
        return event.upcastPayload(new SimpleSerializedType(event.getType().getName(), EventRevisions.FIRST),
                representation, payload -> payload);
    }
}
