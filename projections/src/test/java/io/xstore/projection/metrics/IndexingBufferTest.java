package io.xstore.projection.metrics;

import io.xstore.api.metrics.LogPosition;
import io.xstore.api.metrics.MetricEventBatch;
import io.xstore.api.metrics.TargetMetrics;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class IndexingBufferTest {

    private final AtomicLong clock = new AtomicLong(1_000);
    private final InMemoryEventIndex index = new InMemoryEventIndex() {
        @Override
        public synchronized List<EventWrite> write(List<EventWrite> writes) {
            clock.addAndGet(40);
            return super.write(writes);
        }
    };
    private final IndexingBuffer buffer = new IndexingBuffer(index, metrics -> { }, new IndexingProgress(),
            new Retrier(Duration.ofMillis(1), Duration.ofMillis(1)), 100, 1 << 20, clock::get);

    @Test
    void anIdleBufferFlushesANewRecordAtOnce() {
        assertThat(buffer.isDue()).isFalse();

        add(0);

        assertThat(buffer.isDue()).isTrue();
    }

    @Test
    void afterASlowFlushTheNextWaitsAsLongToGatherMore() {
        add(0);
        buffer.flush();
        add(1);

        clock.addAndGet(39);
        assertThat(buffer.isDue()).isFalse();
        clock.addAndGet(1);
        assertThat(buffer.isDue()).isTrue();
    }

    @Test
    void bulkRequestsStayWithinTheDocumentAndByteLimits() {
        IndexingBuffer small = new IndexingBuffer(index, metrics -> { }, new IndexingProgress(),
                new Retrier(Duration.ofMillis(1), Duration.ofMillis(1)), 3, 2_000, clock::get);
        for (int i = 0; i < 7; i++) {
            small.add(new PendingRecord(0, i, null), List.of(new EventWrite("events-log-c", "id" + i,
                    Map.of("msg", (i < 2 ? "x".repeat(900) : "y")))), null, 100);
        }

        small.flush();

        assertThat(index.writeCalls).isEqualTo(3);
        assertThat(index.size()).isEqualTo(7);
    }

    @Test
    void theFlushThreadWritesWhatArrivesAndEndsWhenTheBufferCloses() throws Exception {
        IndexingProgress progress = new IndexingProgress();
        InMemoryEventIndex plain = new InMemoryEventIndex();
        IndexingBuffer timed = new IndexingBuffer(plain, metrics -> { }, progress,
                new Retrier(Duration.ofMillis(1), Duration.ofMillis(1)), 100, 1 << 20,
                () -> System.nanoTime() / 1_000_000);
        Thread flusher = new Thread(timed::flushWhenDue);
        flusher.start();

        for (int i = 0; i < 3; i++) {
            timed.add(new PendingRecord(0, i, null), List.of(new EventWrite("events-log-c", "id" + i,
                    Map.of("task", "t"))), null, 10);
            progress.awaitProcessed(List.of(new io.xstore.api.metrics.LogPosition(0, i)), Duration.ofSeconds(5));
        }
        timed.close();
        flusher.join(5_000);

        assertThat(plain.size()).isEqualTo(3);
        assertThat(flusher.isAlive()).isFalse();
    }

    @Test
    void summariesAreRecordedWhileTheDocumentsAreWrittenAndBeforeTheRecordCountsAsProcessed() {
        IndexingProgress progress = new IndexingProgress();
        CountDownLatch summaryRecorded = new CountDownLatch(1);
        AtomicBoolean writtenMeanwhile = new AtomicBoolean();
        List<Boolean> processedWhenPublished = new CopyOnWriteArrayList<>();
        InMemoryEventIndex slow = new InMemoryEventIndex() {
            @Override
            public synchronized List<EventWrite> write(List<EventWrite> writes) {
                try {
                    writtenMeanwhile.set(summaryRecorded.await(5, TimeUnit.SECONDS));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return super.write(writes);
            }
        };
        List<TargetMetrics> published = new CopyOnWriteArrayList<>();
        IndexingBuffer parallel = new IndexingBuffer(slow, metrics -> {
            processedWhenPublished.add(progress.isProcessed(new LogPosition(0, 0)));
            published.add(metrics);
            summaryRecorded.countDown();
        }, progress, new Retrier(Duration.ofMillis(1), Duration.ofMillis(1)), 100, 1 << 20, clock::get);
        MetricEventBatch batch = new MetricEventBatch("t", false, "Comp1",
                List.of(Events.scalar("t", "loss", "train", 3, 0.5)), IndexerDriver.AUDIT);

        parallel.add(new PendingRecord(0, 0, null), EventDocuments.of(batch, 0, 0),
                TargetMetricsDelta.of(batch, List.of(), true), 100);
        parallel.flush();

        assertThat(writtenMeanwhile).isTrue();
        assertThat(published).hasSize(1);
        assertThat(processedWhenPublished).containsExactly(false);
        assertThat(progress.isProcessed(new LogPosition(0, 0))).isTrue();
        parallel.close();
    }

    private void add(long offset) {
        buffer.add(new PendingRecord(0, offset, null),
                List.of(new EventWrite("events-log-c", "id" + offset, Map.of("task", "t"))), null, 100);
    }
}
