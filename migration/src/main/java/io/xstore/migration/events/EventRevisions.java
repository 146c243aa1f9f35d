package io.xstore.migration.events;

import io.xstore.api.EventRevision;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.RevisionResolver;
import org.springframework.stereotype.Component;

/**
 * The revision stored with each event: its type's {@link EventRevision}, 1 when it has none. Aggregate snapshots
 * (command side) carry Axon's {@link Revision} instead, which is honoured too. Events stored before
 * revisions existed have none stored; {@link UnversionedEvents} reads them as revision 1.
 */
@Component
public final class EventRevisions implements RevisionResolver {

    public static final String FIRST = "1";

    @Override
    public String revisionOf(Class<?> payloadType) {
        EventRevision revision = payloadType.getAnnotation(EventRevision.class);
        if (revision != null) {
            return Integer.toString(revision.value());
        }
        Revision framework = payloadType.getAnnotation(Revision.class);
        return framework == null ? FIRST : framework.value();
    }
}
