package io.xstore.command.eventstore;

import io.xstore.command.eventstore.EventStoreTestSupport.Thing;
import io.xstore.command.eventstore.EventStoreTestSupport.ThingState;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.xstore.command.eventstore.EventStoreTestSupport.event;
import static io.xstore.command.eventstore.EventStoreTestSupport.open;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileEventLogAppendReadTest {

    @TempDir
    Path dir;

    @Test
    void eventsAndSnapshotsReadBackAfterReopen() {
        Instant exact = Instant.parse("2026-01-02T03:04:05.123456789Z");
        List<EventMessage<?>> appended = new ArrayList<>();
        appended.add(new GenericDomainEventMessage<>("Thing", "a", 0, new Thing("é ✓ \u0000", 1),
                Map.of("user", "u1"), "event-a0", exact));
        appended.add(event("b", 0));
        appended.add(event("a", 1));
        appended.add(GenericEventMessage.asEventMessage(new Thing("no aggregate", 7)));
        appended.add(event("a", 2));
        try (FileEventStorageEngine engine = open(dir)) {
            assertThat(engine.head()).isEqualTo(-1);
            assertThat(engine.createHeadToken()).isNull();
            assertThat(engine.createTailToken()).isNull();
            engine.appendEvents(appended.subList(0, 2));
            engine.appendEvents(appended.subList(2, 5));
            assertThat(engine.lastAppendedPosition()).isEqualTo(4);
            engine.storeSnapshot(new GenericDomainEventMessage<>("Thing", "a", 1, new ThingState("old", 1)));
            engine.storeSnapshot(new GenericDomainEventMessage<>("Thing", "a", 2, new ThingState("new", 2)));
        }

        try (FileEventStorageEngine engine = open(dir)) {
            assertThat(engine.head()).isEqualTo(4);
            List<? extends TrackedEventMessage<?>> all = engine.readEvents(null, false).toList();
            assertThat(all).extracting(EventMessage::getIdentifier)
                    .containsExactlyElementsOf(appended.stream().map(EventMessage::getIdentifier).toList());
            assertThat(all).extracting(TrackedEventMessage::trackingToken)
                    .containsExactly(token(0), token(1), token(2), token(3), token(4));
            assertThat(all.stream().map(m -> (Object) m.getPayload()).toList())
                    .isEqualTo(appended.stream().map(m -> (Object) m.getPayload()).toList());
            assertThat(all).extracting(EventMessage::getTimestamp)
                    .containsExactlyElementsOf(appended.stream().map(EventMessage::getTimestamp).toList());
            assertThat(all.get(0).getTimestamp()).isEqualTo(exact);
            assertThat(all.get(0).getMetaData()).containsEntry("user", "u1");
            assertThat(all.get(0)).isInstanceOf(DomainEventMessage.class);
            // as with Axon's JPA engine: an event without aggregate comes back as a domain event without type
            assertThat(((DomainEventMessage<?>) all.get(3)).getType()).isNull();

            assertThat(engine.readEvents(token(2), true).map(EventMessage::getIdentifier).toList())
                    .containsExactly(appended.get(3).getIdentifier(), appended.get(4).getIdentifier());
            assertThat(engine.readEvents(token(4), false).count()).isZero();

            assertThat(engine.readEvents("a").asStream().map(DomainEventMessage::getSequenceNumber))
                    .containsExactly(0L, 1L, 2L);
            assertThat(engine.readEvents("a", 2).asStream().map(EventMessage::getIdentifier))
                    .containsExactly(appended.get(4).getIdentifier());
            assertThat(engine.readEvents("missing").hasNext()).isFalse();
            assertThat(engine.lastSequenceNumberFor("a")).contains(2L);
            assertThat(engine.lastSequenceNumberFor("b")).contains(0L);
            assertThat(engine.lastSequenceNumberFor("missing")).isEmpty();

            DomainEventMessage<?> snapshot = engine.readSnapshot("a").orElseThrow();
            assertThat(snapshot.getPayload()).isEqualTo(new ThingState("new", 2));
            assertThat(snapshot.getSequenceNumber()).isEqualTo(2);
            assertThat(engine.readSnapshot("b")).isEmpty();

            assertThat(engine.createTailToken()).isEqualTo(token(-1));
            assertThat(engine.createHeadToken()).isEqualTo(token(4));
            assertThat(engine.createTokenAt(exact.minusSeconds(1))).isEqualTo(token(-1));
            assertThat(engine.createTokenAt(exact.plusNanos(1))).isEqualTo(token(0));
            assertThat(engine.createTokenAt(Instant.now().plusSeconds(60))).isEqualTo(token(4));

            assertThat(engine.readRaw(1, 3).map(StoredEvent::globalIndex)).containsExactly(1L, 2L, 3L);
            assertThat(engine.readRaw(3, 100).count()).isEqualTo(2);
            assertThat(engine.readEvents(0, 1).map(m -> (Object) m.getPayload()).toList())
                    .isEqualTo(List.of(appended.get(0).getPayload(), appended.get(1).getPayload()));

            engine.appendEvents(event("a", 3));
            assertThat(engine.readEvents("a").asStream().count()).isEqualTo(4);
            assertThat(engine.head()).isEqualTo(5);
        }
    }

    @Test
    void listenersHearEachPublishedHead() {
        try (FileEventStorageEngine engine = open(dir)) {
            List<Long> heads = Collections.synchronizedList(new ArrayList<>());
            var registration = engine.onAppended(heads::add);
            engine.appendEvents(event("a", 0), event("a", 1));
            engine.appendEvents(event("a", 2));
            registration.cancel();
            engine.appendEvents(event("a", 3));
            assertThat(heads).containsExactly(1L, 2L);
            engine.clearLastAppendedPosition();
            assertThat(engine.lastAppendedPosition()).isEqualTo(-1);
        }
    }

    @Test
    void readsAcrossSegmentsAfterRolling() throws Exception {
        try (FileEventStorageEngine engine = EventStoreTestSupport.builder(dir).segmentBytes(2_000).build()) {
            for (int i = 0; i < 60; i++) {
                engine.appendEvents(event("a" + (i % 3), i / 3));
            }
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.filter(p -> p.toString().endsWith(".log")).count()).isGreaterThan(3);
        }
        try (FileEventStorageEngine engine = EventStoreTestSupport.builder(dir).segmentBytes(2_000).build()) {
            assertThat(engine.readRaw(0, Long.MAX_VALUE).map(StoredEvent::globalIndex).toList())
                    .hasSize(60).isSorted();
            assertThat(engine.readEvents("a1").asStream().map(DomainEventMessage::getSequenceNumber).toList())
                    .hasSize(20).isSorted();
            engine.appendEvents(event("a1", 20));
            assertThat(engine.head()).isEqualTo(60);
        }
    }

    @Test
    void tokensOfAnotherStoreAreRefused() {
        try (FileEventStorageEngine engine = open(dir)) {
            engine.appendEvents(event("a", 0));
            assertThatThrownBy(() -> engine.readEvents(GapAwareTrackingToken.newInstance(3, List.of()), false))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void anInterruptedReaderDoesNotBreakTheOthers() {
        try (FileEventStorageEngine engine = open(dir)) {
            engine.appendEvents(event("a", 0), event("a", 1));
            engine.storeSnapshot(event("a", 1));
            Thread.currentThread().interrupt();
            try {
                assertThatThrownBy(() -> engine.readRaw(0, 1).toList()).isInstanceOf(EventStoreException.class);
                assertThatThrownBy(() -> engine.storeSnapshot(event("a", 1)))
                        .isInstanceOf(EventStoreException.class);
            } finally {
                assertThat(Thread.interrupted()).isTrue();
            }
            assertThat(engine.readRaw(0, 1).count()).isEqualTo(2);
            assertThat(engine.readEvents("a").asStream().count()).isEqualTo(2);
            engine.storeSnapshot(new GenericDomainEventMessage<>("Thing", "a", 1, new ThingState("s", 1)));
            assertThat(engine.readSnapshot("a").orElseThrow().getPayload()).isEqualTo(new ThingState("s", 1));
            engine.appendEvents(event("a", 2));
        }
    }

    private static GlobalSequenceTrackingToken token(long index) {
        return new GlobalSequenceTrackingToken(index);
    }
}
