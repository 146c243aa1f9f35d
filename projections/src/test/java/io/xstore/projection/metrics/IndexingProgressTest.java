package io.xstore.projection.metrics;

import io.xstore.api.metrics.LogPosition;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IndexingProgressTest {

    private final IndexingProgress progress = new IndexingProgress();

    @Test
    void returnsTheDocumentsDeletedByTheAwaitedRecords() {
        progress.markProcessed(0, 5, 3);
        progress.markProcessed(1, 9, 4);
        progress.markProcessed(1, 10, 0);

        assertThat(progress.awaitProcessed(List.of(new LogPosition(0, 5), new LogPosition(1, 9),
                new LogPosition(1, 8)), Duration.ZERO)).isEqualTo(7);
    }

    @Test
    void wakesUpWhenTheRecordsAreProcessed() throws Exception {
        CompletableFuture<Long> waiting = CompletableFuture.supplyAsync(() ->
                progress.awaitProcessed(List.of(new LogPosition(2, 3)), Duration.ofSeconds(10)));
        Thread.sleep(20);
        assertThat(waiting).isNotDone();

        progress.markProcessed(2, 4, 0);

        assertThat(waiting.get(5, TimeUnit.SECONDS)).isZero();
    }

    @Test
    void givesUpAfterTheTimeoutNamingWhatIsPending() {
        progress.markProcessed(0, 1, 0);

        assertThatThrownBy(() -> progress.awaitProcessed(List.of(new LogPosition(0, 1), new LogPosition(0, 2)),
                Duration.ofMillis(20)))
                .isInstanceOf(IndexingTimeoutException.class)
                .hasMessageContaining("1 of 2 log records pending")
                .hasMessageContaining("LogPosition[partition=0, offset=2]");
    }

    @Test
    void keepsABoundedNumberOfDeletionCounts() {
        for (int i = 0; i <= IndexingProgress.KEPT_DELETION_COUNTS; i++) {
            progress.markProcessed(0, i, 1);
        }

        assertThat(progress.awaitProcessed(List.of(new LogPosition(0, 0)), Duration.ZERO)).isZero();
        assertThat(progress.awaitProcessed(List.of(new LogPosition(0, 1)), Duration.ZERO)).isEqualTo(1);
    }
}
