package io.xstore.migration.events;

import io.xstore.api.EventRevision;
import org.axonframework.serialization.RevisionResolver;
import org.springframework.stereotype.Component;

/**
 * The revision stored with each event: its type's {@link EventRevision}, 1 when it has none. Events stored before
 * revisions existed have none stored; {@link UnversionedEvents} reads them as revision 1.
 */
@Component
public final class EventRevisions implements RevisionResolver {

    public static final String FIRST = "1";

    @Override
    public String revisionOf(Class<?> payloadType) {
        EventRevision revision = payloadType.getAnnotation(EventRevision.class);
        return revision == null ? FIRST : Integer.toString(revision.value());
    }
}
