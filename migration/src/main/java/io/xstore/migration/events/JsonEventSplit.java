package io.xstore.migration.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.EventMultiUpcaster;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;

import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * A migration of one stored event type at one revision into one or more events of today's types, written on the
 * stored JSON. A subclass names what it reads and maps one payload to its parts; registering it as an upcaster bean
 * (a Spring component in this package) is all it takes to add it to the chain.
 */
public abstract class JsonEventSplit extends EventMultiUpcaster {

    /** One event a stored one becomes: its type (a class name), revision and payload. */
    public record Part(String type, String revision, ObjectNode payload) {
    }

    private final String type;
    private final String revision;

    protected JsonEventSplit(String type, String revision) {
        this.type = type;
        this.revision = revision;
    }

    /** The stored event type this reads (a class name, which may no longer exist). */
    public String storedType() {
        return type;
    }

    /** The stored revision of {@link #storedType()} this reads. */
    public String storedRevision() {
        return revision;
    }

    /** The events {@code payload} (a stored event of this type and revision) stands for, in order. */
    protected abstract List<Part> split(ObjectNode payload);

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation event) {
        return type.equals(event.getType().getName()) && revision.equals(event.getType().getRevision());
    }

    @Override
    protected Stream<IntermediateEventRepresentation> doUpcast(IntermediateEventRepresentation event) {
        List<Part> parts = split((ObjectNode) event.getData(JsonNode.class).getData());
        if (parts.size() == 1) {
            return Stream.of(as(event, parts.get(0)));
        }
        return IntStream.range(0, parts.size())
                .mapToObj(i -> new SplitPart(as(event, parts.get(i)), event.getMessageIdentifier() + "#" + i));
    }

    private static IntermediateEventRepresentation as(IntermediateEventRepresentation event, Part part) {
        return event.upcastPayload(new SimpleSerializedType(part.type(), part.revision()), JsonNode.class,
                ignored -> part.payload());
    }

    /** Copies {@code fields} of {@code from} (those present) into a new object. */
    protected static ObjectNode copy(ObjectNode from, String... fields) {
        ObjectNode to = from.objectNode();
        for (String field : fields) {
            if (from.has(field)) {
                to.set(field, from.get(field));
            }
        }
        return to;
    }
}
