package io.xstore.command.eventstore;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static io.xstore.command.eventstore.EventStoreTestSupport.event;
import static io.xstore.command.eventstore.EventStoreTestSupport.open;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileEventLogUnitOfWorkTest {

    @TempDir
    Path dir;

    @AfterEach
    void noUnitOfWorkLeftOver() {
        while (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().rollback();
        }
    }

    @Test
    void aPrepareCommitFailureAfterTheAppendStoresNothing() {
        try (FileEventStorageEngine engine = open(dir)) {
            DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
            // as Axon's event store does: append in prepare-commit, subscribing processors after it
            unitOfWork.onPrepareCommit(u -> engine.appendEvents(event("a", 0)));
            unitOfWork.onPrepareCommit(u -> {
                throw new IllegalStateException("set-based validation failed");
            });
            assertThatThrownBy(unitOfWork::commit).hasMessageContaining("set-based validation failed");
            assertThat(engine.head()).isEqualTo(-1);
            assertThat(engine.lastAppendedPosition()).isEqualTo(-1);
        }
        try (FileEventStorageEngine engine = open(dir)) {
            assertThat(engine.head()).isEqualTo(-1);
            assertThat(engine.readEvents("a").hasNext()).isFalse();
        }
    }

    @Test
    void eventsBecomeDurableAndVisibleInTheCommitPhase() {
        FileEventStorageEngine engine = open(dir);
        try {
            DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
            engine.appendEvents(event("a", 0));
            AtomicLong headInPrepareCommit = new AtomicLong(-2);
            AtomicLong headAfterCommit = new AtomicLong(-2);
            unitOfWork.onPrepareCommit(u -> {
                engine.appendEvents(event("a", 1), event("b", 0));
                headInPrepareCommit.set(engine.head());
            });
            unitOfWork.afterCommit(u -> headAfterCommit.set(engine.head()));
            assertThat(engine.head()).isEqualTo(-1);
            unitOfWork.commit();

            assertThat(headInPrepareCommit).hasValue(-1);
            assertThat(headAfterCommit).hasValue(2);
            assertThat(engine.lastAppendedPosition()).isEqualTo(2);
            // durable without close(): a second engine on the directory sees them
            try (FileEventStorageEngine reopened = open(dir)) {
                assertThat(reopened.readEvents("a").asStream().map(DomainEventMessage::getSequenceNumber))
                        .containsExactly(0L, 1L);
                assertThat(reopened.head()).isEqualTo(2);
            }
        } finally {
            engine.close();
        }
    }

    @Test
    void aConflictInTheCommitPhaseRollsTheUnitBack() {
        try (FileEventStorageEngine engine = open(dir)) {
            engine.appendEvents(event("a", 0));
            DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
            AtomicBoolean rolledBack = new AtomicBoolean();
            AtomicBoolean committed = new AtomicBoolean();
            unitOfWork.onPrepareCommit(u -> engine.appendEvents(event("b", 0), event("a", 0)));
            unitOfWork.onRollback(u -> rolledBack.set(true));
            unitOfWork.afterCommit(u -> committed.set(true));
            assertThatThrownBy(unitOfWork::commit).isInstanceOf(AggregateStreamCreationException.class);
            assertThat(rolledBack).isTrue();
            assertThat(committed).isFalse();
            assertThat(engine.head()).isZero();
            assertThat(engine.lastSequenceNumberFor("b")).isEmpty();
        }
    }

    @Test
    void nestedUnitsWriteOnceWithTheRoot() {
        try (FileEventStorageEngine engine = open(dir)) {
            List<Long> heads = new ArrayList<>();
            engine.onAppended(heads::add);
            DefaultUnitOfWork<?> root = DefaultUnitOfWork.startAndGet(null);
            engine.appendEvents(event("a", 0));
            UnitOfWork<?> nested = DefaultUnitOfWork.startAndGet(null);
            engine.appendEvents(event("a", 1));
            nested.commit();
            assertThat(engine.head()).isEqualTo(-1);
            root.commit();
            assertThat(engine.head()).isEqualTo(1);
            assertThat(heads).containsExactly(1L);
        }
    }

    @Test
    void axonsEmbeddedEventStoreWorksOnTop() throws Exception {
        try (FileEventStorageEngine engine = open(dir)) {
            EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(engine).build();
            try {
                DefaultUnitOfWork.startAndGet(null).execute(() -> store.publish(event("a", 0), event("a", 1)));
                assertThat(store.readEvents("a").asStream().map(DomainEventMessage::getSequenceNumber))
                        .containsExactly(0L, 1L);
                assertThat(store.lastSequenceNumberFor("a")).contains(1L);
                try (BlockingStream<TrackedEventMessage<?>> stream = store.openStream(null)) {
                    List<Object> payloads = new ArrayList<>();
                    while (payloads.size() < 2 && stream.hasNextAvailable(5, TimeUnit.SECONDS)) {
                        payloads.add(stream.nextAvailable().getPayload());
                    }
                    assertThat(payloads).containsExactly(event("a", 0).getPayload(), event("a", 1).getPayload());
                }
            } finally {
                store.shutDown();
            }
        }
    }
}
