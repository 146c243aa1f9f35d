package io.xstore.migration.events;

import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.LazyDeserializingObject;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/** One of several events a stored event was split into: the same event but for its own message identifier. */
final class SplitPart implements IntermediateEventRepresentation {

    private final IntermediateEventRepresentation delegate;
    private final String identifier;

    SplitPart(IntermediateEventRepresentation delegate, String identifier) {
        this.delegate = delegate;
        this.identifier = identifier;
    }

    @Override
    public <T> IntermediateEventRepresentation upcast(SerializedType outputType, Class<T> expectedRepresentationType,
                                                      Function<T, T> upcastFunction,
                                                      Function<MetaData, MetaData> metaDataUpcastFunction) {
        return new SplitPart(delegate.upcast(outputType, expectedRepresentationType, upcastFunction,
                metaDataUpcastFunction), identifier);
    }

    @Override
    public SerializedType getType() {
        return delegate.getType();
    }

    @Override
    public SerializedObject<?> getData() {
        return delegate.getData();
    }

    @Override
    public <D> SerializedObject<D> getData(Class<D> requiredType) {
        return delegate.getData(requiredType);
    }

    @Override
    public Class<?> getContentType() {
        return delegate.getContentType();
    }

    @Override
    public String getMessageIdentifier() {
        return identifier;
    }

    @Override
    public Optional<String> getAggregateType() {
        return delegate.getAggregateType();
    }

    @Override
    public Optional<String> getAggregateIdentifier() {
        return delegate.getAggregateIdentifier();
    }

    @Override
    public Optional<Long> getSequenceNumber() {
        return delegate.getSequenceNumber();
    }

    @Override
    public Optional<TrackingToken> getTrackingToken() {
        return delegate.getTrackingToken();
    }

    @Override
    public Instant getTimestamp() {
        return delegate.getTimestamp();
    }

    @Override
    public LazyDeserializingObject<MetaData> getMetaData() {
        return delegate.getMetaData();
    }

    @Override
    public boolean canConvertDataTo(Class<?> requiredType) {
        return delegate.canConvertDataTo(requiredType);
    }
}
