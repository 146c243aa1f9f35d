package io.xstore.command.eventstore;

import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.UnknownSerializedType;

import java.util.Objects;

/**
 * Accepts a snapshot only when its payload class still exists and carries the same {@code @Revision} as when the
 * snapshot was written; anything else (an older shape of the aggregate, a class that was renamed) is skipped, and the
 * aggregate is loaded from its events.
 */
public final class CurrentRevisionSnapshotFilter implements SnapshotFilter {

    private final Serializer serializer;
    private final RevisionResolver revisions = new AnnotationRevisionResolver();

    public CurrentRevisionSnapshotFilter(Serializer serializer) {
        this.serializer = serializer;
    }

    @Override
    public boolean test(DomainEventData<?> snapshotData) {
        SerializedType type = snapshotData.getPayload().getType();
        Class<?> payloadClass;
        try {
            payloadClass = serializer.classForType(type);
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
        if (payloadClass == null || UnknownSerializedType.class.equals(payloadClass)) {
            return false;
        }
        return Objects.equals(type.getRevision(), revisions.revisionOf(payloadClass));
    }
}
