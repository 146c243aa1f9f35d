package io.xstore.command.eventstore;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.serialization.Converter;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static io.xstore.command.eventstore.EventStoreTestSupport.SERIALIZER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Snapshots survive a restart, and one that no longer fits (another revision of its class, a shape the class cannot
 * read, a class that is gone) is ignored, so the aggregate is loaded from its events, rather than failing the load.
 */
class FileEventLogSnapshotTest {

    @TempDir
    Path dir;

    /** A snapshot payload whose current shape is revision 2. */
    @Revision("2")
    record Counter(String name, long count) {
    }

    private FileEventStorageEngine open() {
        return EventStoreTestSupport.builder(dir).snapshotFilter(new CurrentRevisionSnapshotFilter(SERIALIZER))
                .build();
    }

    @Test
    void aSnapshotOfTheCurrentRevisionIsReadAfterARestart() {
        try (FileEventStorageEngine engine = open()) {
            engine.storeSnapshot(new GenericDomainEventMessage<>("Counter", "c", 41, new Counter("c", 42)));
        }
        try (FileEventStorageEngine engine = open()) {
            assertThat(engine.readSnapshot("c").orElseThrow().getPayload()).isEqualTo(new Counter("c", 42));
        }
    }

    @Test
    void aSnapshotOfAnotherRevisionIsIgnored() {
        try (FileEventStorageEngine engine = open()) {
            engine.storeSnapshot(new GenericDomainEventMessage<>("Counter", "c", 41, new Counter("c", 42)),
                    written(Counter.class.getName(), "1", "{\"name\":\"c\",\"count\":42}"));
        }
        try (FileEventStorageEngine engine = open()) {
            assertThat(engine.readSnapshot("c")).isEmpty();
        }
    }

    @Test
    void aSnapshotThatCannotBeReadIsIgnored() {
        try (FileEventStorageEngine engine = open()) {
            engine.storeSnapshot(new GenericDomainEventMessage<>("Counter", "c", 41, new Counter("c", 42)),
                    written(Counter.class.getName(), "2", "{\"name\": [\"not\", \"a\", \"name\"], \"count\":"));
            engine.storeSnapshot(new GenericDomainEventMessage<>("Counter", "d", 3, new Counter("d", 4)),
                    written("io.xstore.gone.RemovedAggregate", "2", "{}"));
            assertThat(engine.readSnapshot("c")).isEmpty();
            assertThat(engine.readSnapshot("d")).isEmpty();
            // a new snapshot replaces the unreadable one
            engine.storeSnapshot(new GenericDomainEventMessage<>("Counter", "c", 50, new Counter("c", 51)));
            assertThat(engine.readSnapshot("c").orElseThrow().getPayload()).isEqualTo(new Counter("c", 51));
        }
    }

    /** A serializer that writes the given type, revision and JSON whatever the payload is (metadata as usual). */
    private static Serializer written(String type, String revision, String json) {
        return new Serializer() {
            @Override
            @SuppressWarnings("unchecked")
            public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
                if (object instanceof Counter) {
                    return (SerializedObject<T>) new SimpleSerializedObject<>(json.getBytes(StandardCharsets.UTF_8),
                            byte[].class, new SimpleSerializedType(type, revision));
                }
                return SERIALIZER.serialize(object, expectedRepresentation);
            }

            @Override
            public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
                return SERIALIZER.canSerializeTo(expectedRepresentation);
            }

            @Override
            public <S, T> T deserialize(SerializedObject<S> serializedObject) {
                return SERIALIZER.deserialize(serializedObject);
            }

            @Override
            @SuppressWarnings("rawtypes")
            public Class classForType(SerializedType type) {
                return SERIALIZER.classForType(type);
            }

            @Override
            public SerializedType typeForClass(Class type) {
                return SERIALIZER.typeForClass(type);
            }

            @Override
            public Converter getConverter() {
                return SERIALIZER.getConverter();
            }
        };
    }
}
