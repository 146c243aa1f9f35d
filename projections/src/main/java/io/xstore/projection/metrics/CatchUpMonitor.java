package io.xstore.projection.metrics;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Follows a rebuild's replay through the offsets the new consumer group commits, reports progress every few
 * seconds, and completes once every partition is past the end captured when the rebuild began and the buffered
 * documents are written.
 */
final class CatchUpMonitor {

    private static final Logger log = LoggerFactory.getLogger(CatchUpMonitor.class);
    private static final long CHECK_EVERY_MS = 250;

    private final Admin admin;
    private final String groupId;
    private final String topic;
    private final Map<Integer, Long> begin;
    private final Map<Integer, Long> end;
    private final Consumer<RebuildProgress> listener;
    private final Duration reportEvery;
    private final IndexingBuffer buffer;
    private final Runnable onCaughtUp;
    private final CompletableFuture<RebuildProgress> done = new CompletableFuture<>();
    private final long startedNanos = System.nanoTime();
    private long lastReportNanos = System.nanoTime();
    private ScheduledFuture<?> checks;

    CatchUpMonitor(Admin admin, String groupId, String topic, Map<Integer, Long> begin, Map<Integer, Long> end,
                   Consumer<RebuildProgress> listener, Duration reportEvery, IndexingBuffer buffer,
                   Runnable onCaughtUp) {
        this.admin = admin;
        this.groupId = groupId;
        this.topic = topic;
        this.begin = Map.copyOf(begin);
        this.end = Map.copyOf(end);
        this.listener = listener;
        this.reportEvery = reportEvery;
        this.buffer = buffer;
        this.onCaughtUp = onCaughtUp;
    }

    CompletableFuture<RebuildProgress> start(ScheduledExecutorService scheduler) {
        checks = scheduler.scheduleWithFixedDelay(this::check, 0, CHECK_EVERY_MS, TimeUnit.MILLISECONDS);
        return done;
    }

    CompletableFuture<RebuildProgress> future() {
        return done;
    }

    void cancel() {
        if (checks != null) {
            checks.cancel(false);
        }
        done.cancel(false);
    }

    private void check() {
        if (done.isDone()) {
            return;
        }
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId)
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            long processed = 0;
            long total = 0;
            boolean caughtUp = true;
            for (Map.Entry<Integer, Long> partitionEnd : end.entrySet()) {
                long from = begin.getOrDefault(partitionEnd.getKey(), 0L);
                long to = partitionEnd.getValue();
                OffsetAndMetadata position = committed.get(new TopicPartition(topic, partitionEnd.getKey()));
                long at = Math.max(from, Math.min(to, position == null ? from : position.offset()));
                total += Math.max(0, to - from);
                processed += Math.max(0, at - from);
                caughtUp &= at >= to;
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - startedNanos);
            if (caughtUp) {
                if (!buffer.awaitDrained(Duration.ofSeconds(30))) {
                    return;
                }
                RebuildProgress result = new RebuildProgress(total, total, elapsed, true);
                onCaughtUp.run();
                report(result);
                done.complete(result);
                checks.cancel(false);
            } else if (System.nanoTime() - lastReportNanos >= reportEvery.toNanos()) {
                lastReportNanos = System.nanoTime();
                report(new RebuildProgress(processed, total, elapsed, false));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.warn("rebuild progress of {} unknown for now: {}", groupId, Retrier.describe(e));
        }
    }

    private void report(RebuildProgress progress) {
        try {
            listener.accept(progress);
        } catch (RuntimeException e) {
            log.warn("rebuild progress listener failed: {}", Retrier.describe(e));
        }
    }
}
