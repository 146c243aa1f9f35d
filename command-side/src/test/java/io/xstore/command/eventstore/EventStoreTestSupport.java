package io.xstore.command.eventstore;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.serialization.json.JacksonSerializer;

import java.nio.file.Path;
import java.util.Map;

/** Engines and events for the file event store tests. */
final class EventStoreTestSupport {

    static final JacksonSerializer SERIALIZER = JacksonSerializer.builder()
            .objectMapper(new ObjectMapper().findAndRegisterModules()).build();

    /** A test payload. */
    record Thing(String text, int n) {
    }

    /** A test snapshot payload. */
    record ThingState(String text, long version) {
    }

    private EventStoreTestSupport() {
    }

    static FileEventStorageEngine open(Path directory) {
        return open(directory, FsyncPolicy.ALWAYS);
    }

    static FileEventStorageEngine open(Path directory, FsyncPolicy policy) {
        return builder(directory).fsyncPolicy(policy).build();
    }

    static FileEventStorageEngine.Builder builder(Path directory) {
        return FileEventStorageEngine.builder()
                .directory(directory)
                .eventSerializer(SERIALIZER)
                .snapshotSerializer(SERIALIZER);
    }

    static DomainEventMessage<Thing> event(String aggregateId, long sequence) {
        return new GenericDomainEventMessage<>("Thing", aggregateId, sequence,
                new Thing(aggregateId + "#" + sequence, (int) sequence), Map.of("trace", "t-" + sequence));
    }
}
