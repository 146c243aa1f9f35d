package io.xstore.command.eventstore;

import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.xstore.command.eventstore.EventStoreTestSupport.event;
import static io.xstore.command.eventstore.EventStoreTestSupport.open;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileEventLogConcurrencyTest {

    @TempDir
    Path dir;

    @Test
    void eightAppendingThreadsGetDenseIndexesInAggregateOrder() throws Exception {
        int threads = 8;
        int appendsPerThread = 60;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try (FileEventStorageEngine engine = open(dir)) {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<Long>>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                results.add(pool.submit(() -> {
                    start.await();
                    List<Long> positions = new ArrayList<>();
                    long[] next = new long[3];
                    for (int i = 0; i < appendsPerThread; i++) {
                        int aggregate = i % 3;
                        String id = "t" + thread + "-" + aggregate;
                        int size = 1 + i % 3;
                        var batch = new ArrayList<org.axonframework.eventhandling.EventMessage<?>>();
                        for (int k = 0; k < size; k++) {
                            batch.add(event(id, next[aggregate]++));
                        }
                        engine.appendEvents(batch);
                        positions.add(engine.lastAppendedPosition());
                    }
                    return positions;
                }));
            }
            start.countDown();
            List<Long> acknowledged = new ArrayList<>();
            for (Future<List<Long>> result : results) {
                List<Long> positions = result.get(30, TimeUnit.SECONDS);
                assertThat(positions).hasSize(appendsPerThread).isSorted().doesNotHaveDuplicates();
                acknowledged.addAll(positions);
            }
            long total = (long) threads * 20 * (1 + 2 + 3);
            assertThat(engine.head()).isEqualTo(total - 1);
            assertThat(acknowledged).contains(total - 1).allMatch(p -> p >= 0 && p < total);

            List<StoredEvent> all = engine.readRaw(0, Long.MAX_VALUE).toList();
            assertThat(all).extracting(StoredEvent::globalIndex).containsExactlyElementsOf(
                    java.util.stream.LongStream.range(0, total).boxed().toList());
            Map<String, Long> lastSequence = new HashMap<>();
            for (StoredEvent stored : all) {
                long previous = lastSequence.getOrDefault(stored.getAggregateIdentifier(), -1L);
                assertThat(stored.getSequenceNumber()).as(stored.toString()).isEqualTo(previous + 1);
                lastSequence.put(stored.getAggregateIdentifier(), stored.getSequenceNumber());
            }
            assertThat(lastSequence).hasSize(threads * 3);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aSequenceConflictFailsOnlyItsOwnBatch() throws Exception {
        try (EventLog log = EventLog.open(dir, FsyncPolicy.ALWAYS, EventLog.DEFAULT_SEGMENT_BYTES)) {
            CompletableFuture<Long> first = log.submit(List.of(pending("a", 0)));
            CompletableFuture<Long> duplicateCreation = log.submit(List.of(pending("a", 0)));
            CompletableFuture<Long> other = log.submit(List.of(pending("b", 0), pending("b", 1)));
            CompletableFuture<Long> gap = log.submit(List.of(pending("c", 0), pending("a", 2)));
            CompletableFuture<Long> next = log.submit(List.of(pending("a", 1)));

            assertThat(first.get(10, TimeUnit.SECONDS)).isZero();
            assertThatThrownBy(duplicateCreation::join).hasCauseInstanceOf(AggregateStreamCreationException.class);
            assertThat(other.get(10, TimeUnit.SECONDS)).isEqualTo(2);
            assertThatThrownBy(gap::join).hasCauseInstanceOf(ConcurrencyException.class);
            assertThat(next.get(10, TimeUnit.SECONDS)).isEqualTo(3);
            assertThat(log.head()).isEqualTo(3);
            assertThat(log.lastSequence("c")).isEmpty();
            assertThat(log.read(0, 3).map(e -> e.getAggregateIdentifier() + e.getSequenceNumber()))
                    .containsExactly("a0", "b0", "b1", "a1");
        }
    }

    @Test
    void theEngineThrowsAxonsConflictExceptions() {
        try (FileEventStorageEngine engine = open(dir)) {
            engine.appendEvents(event("a", 0), event("a", 1));
            assertThatThrownBy(() -> engine.appendEvents(event("a", 0)))
                    .isInstanceOf(AggregateStreamCreationException.class);
            assertThatThrownBy(() -> engine.appendEvents(event("a", 1)))
                    .isInstanceOf(ConcurrencyException.class);
            assertThatThrownBy(() -> engine.appendEvents(event("b", 0), event("a", 3)))
                    .isInstanceOf(ConcurrencyException.class);
            assertThat(engine.head()).isEqualTo(1);
            assertThat(engine.lastSequenceNumberFor("b")).isEmpty();
            engine.appendEvents(event("a", 2));
            assertThat(engine.lastAppendedPosition()).isEqualTo(2);
        }
    }

    static PendingEvent pending(String aggregateId, long sequence) {
        return PendingEvent.of("Thing", aggregateId, sequence, aggregateId + "-" + sequence + "-" + System.nanoTime(),
                Instant.now(), "Thing", null, "{}".getBytes(), "{}".getBytes());
    }
}
