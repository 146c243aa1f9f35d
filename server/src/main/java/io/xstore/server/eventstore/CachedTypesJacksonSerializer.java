package io.xstore.server.eventstore;

import com.fasterxml.jackson.databind.ObjectReader;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Axon's Jackson serializer of the events (same mapper, converter and revisions), which looks the class of each event
 * type and the mapper's reader of each class up once: Axon resolves the type's name through the mapper's type factory
 * ({@code Class.forName}) and builds a new reader for every event it deserializes, a sixth of a replay's
 * deserialization. Types it does not know are asked again each time, as Axon does.
 */
final class CachedTypesJacksonSerializer extends JacksonSerializer {

    private final Map<String, Class<?>> classes = new ConcurrentHashMap<>();
    private final Map<Class<?>, ObjectReader> readers = new ConcurrentHashMap<>();

    private CachedTypesJacksonSerializer(Builder builder) {
        super(builder);
    }

    /** The same serializer with the lookups cached, when it is a plain {@link JacksonSerializer}; else itself. */
    static Serializer of(Serializer serializer, RevisionResolver revisions) {
        if (serializer.getClass() != JacksonSerializer.class) {
            return serializer;
        }
        JacksonSerializer jackson = (JacksonSerializer) serializer;
        return new CachedTypesJacksonSerializer(JacksonSerializer.builder().revisionResolver(revisions)
                .converter(jackson.getConverter()).objectMapper(jackson.getObjectMapper()));
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class classForType(SerializedType type) {
        Class<?> known = classes.get(type.getName());
        if (known != null) {
            return known;
        }
        Class<?> found = super.classForType(type);
        if (found != UnknownSerializedType.class && !SimpleSerializedType.emptyType().equals(type)) {
            classes.put(type.getName(), found);
        }
        return found;
    }

    @Override
    protected ObjectReader getReader(Class<?> type) {
        return readers.computeIfAbsent(type, super::getReader);
    }
}
