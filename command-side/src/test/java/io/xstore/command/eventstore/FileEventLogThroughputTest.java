package io.xstore.command.eventstore;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

import static io.xstore.command.eventstore.EventStoreTestSupport.event;
import static io.xstore.command.eventstore.EventStoreTestSupport.open;
import static org.assertj.core.api.Assertions.assertThat;

/** Prints rough figures (nothing is asserted about speed: the build machine is shared). */
class FileEventLogThroughputTest {

    @TempDir
    Path dir;

    @Test
    void appendsPerSecond() throws Exception {
        measure(1, FsyncPolicy.ALWAYS);
        measure(8, FsyncPolicy.ALWAYS);
        measure(8, FsyncPolicy.NEVER);
    }

    private void measure(int threads, FsyncPolicy policy) throws InterruptedException {
        Path store = dir.resolve(policy + "-" + threads);
        try (FileEventStorageEngine engine = open(store, policy)) {
            AtomicLong appends = new AtomicLong();
            long started = System.nanoTime();
            long deadline = started + 700_000_000L;
            CountDownLatch done = new CountDownLatch(threads);
            for (int t = 0; t < threads; t++) {
                String aggregate = "agg-" + t;
                new Thread(() -> {
                    try {
                        for (long sequence = 0; System.nanoTime() < deadline; sequence++) {
                            engine.appendEvents(event(aggregate, sequence));
                            appends.incrementAndGet();
                        }
                    } finally {
                        done.countDown();
                    }
                }).start();
            }
            done.await();
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("file event store: %d thread(s), fsync %s: %.0f appends/s (%d in %.2f s)%n",
                    threads, policy, appends.get() / seconds, appends.get(), seconds);
            assertThat(engine.head()).isEqualTo(appends.get() - 1);
        }
    }

    @Test
    void openingAHundredThousandEvents() {
        int events = 100_000;
        byte[] payload = ("{\"taskId\":\"0123456789abcdef0123456789abcdef\",\"fields\":{\"comment\":\""
                + "x".repeat(300) + "\"}}").getBytes(StandardCharsets.UTF_8);
        byte[] metaData = "{\"traceId\":\"0acace45-cdf1-4318-9921-7722be985581\"}".getBytes(StandardCharsets.UTF_8);
        try (EventLog log = EventLog.open(dir, FsyncPolicy.NEVER, EventLog.DEFAULT_SEGMENT_BYTES)) {
            long[] sequences = new long[5000];
            CompletableFuture<Long> last = null;
            for (int i = 0; i < events; i += 1000) {
                List<PendingEvent> batch = new ArrayList<>(1000);
                for (int k = i; k < i + 1000; k++) {
                    int aggregate = k % sequences.length;
                    batch.add(PendingEvent.of("TaskAggregate", "task-" + aggregate, sequences[aggregate]++,
                            "event-" + k, Instant.now(), "io.xstore.api.task.TaskEditedEvent", null, payload,
                            metaData));
                }
                last = log.submit(batch);
            }
            assertThat(last.join()).isEqualTo(events - 1);
        }
        long started = System.nanoTime();
        try (FileEventStorageEngine engine = open(dir)) {
            double millis = (System.nanoTime() - started) / 1e6;
            System.out.printf("file event store: opened %d events in %.0f ms%n", engine.head() + 1, millis);
            assertThat(engine.head()).isEqualTo(events - 1);
            long readStarted = System.nanoTime();
            assertThat(engine.readRaw(0, Long.MAX_VALUE).count()).isEqualTo(events);
            System.out.printf("file event store: read %d raw events in %.0f ms%n", events,
                    (System.nanoTime() - readStarted) / 1e6);
        }
    }
}
