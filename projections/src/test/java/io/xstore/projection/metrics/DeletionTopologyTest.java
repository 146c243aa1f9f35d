package io.xstore.projection.metrics;

import io.xstore.api.metrics.LogPosition;
import io.xstore.readmodel.events.EventIndices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.xstore.projection.metrics.IndexerDriver.COMPANY;
import static org.assertj.core.api.Assertions.assertThat;

class DeletionTopologyTest {

    private static final String TASK = "c".repeat(32);
    private static final String OTHER = "d".repeat(32);
    private static final String IMAGE_URL = "http://files:8081/p/exp.c/metrics/img/s/img_s_00000000.jpeg";
    private static final String PLOT_URL = "https://files:8081/p/exp.c/plot.png";

    private IndexerDriver indexer = new IndexerDriver();

    @AfterEach
    void close() {
        indexer.close();
    }

    @Test
    void deletingATargetRemovesAllItsEventsItsSummaryAndHandsOverItsFiles() {
        indexEveryType(TASK);
        indexer.batch(OTHER, List.of(Events.scalar(OTHER, "loss", "train", 1, 0.5)));
        indexer.flush();

        long offset = indexer.deleteAll(TASK);

        assertThat(indexer.progress.awaitProcessed(List.of(new LogPosition(0, offset)), Duration.ZERO)).isEqualTo(4);
        assertThat(indexer.index.size()).isEqualTo(1);
        assertThat(indexer.index.docs(EventIndices.SCALAR, COMPANY)).singleElement()
                .satisfies(doc -> assertThat(doc).containsEntry("task", OTHER));
        assertThat(indexer.summaries(TASK)).isEmpty();
        assertThat(indexer.summaries(OTHER)).hasSize(1);
        assertThat(indexer.deletedFiles).containsExactly(
                new IndexerDriver.DeletedFiles(TASK, false, COMPANY, Set.of(IMAGE_URL, PLOT_URL)));
    }

    @Test
    void eventsLoggedJustBeforeADeletionAreDeletedToo() {
        indexer.batch(TASK, List.of(Events.scalar(TASK, "loss", "train", 1, 0.5)));

        long offset = indexer.deleteAll(TASK);

        assertThat(indexer.progress.awaitProcessed(List.of(new LogPosition(0, offset)), Duration.ZERO)).isEqualTo(1);
        assertThat(indexer.index.size()).isZero();
        assertThat(indexer.lastPublished(TASK)).isNotNull();
    }

    @Test
    void aBatchAfterADeletionStartsAFreshSummary() {
        indexer.batch(TASK, List.of(Events.scalar(TASK, "loss", "train", 1, 9.0),
                Events.scalar(TASK, "loss", "train", 2, 8.0)));
        indexer.deleteAll(TASK);
        indexer.batch(TASK, List.of(Events.scalar(TASK, "loss", "train", 0, 0.5)));
        indexer.flush();

        assertThat(indexer.lastPublished(TASK).metrics()).singleElement().satisfies(summary -> {
            assertThat(summary.count()).isEqualTo(1);
            assertThat(summary.firstValue()).isEqualTo(0.5);
            assertThat(summary.maxValue()).isEqualTo(0.5);
        });
        assertThat(indexer.index.size()).isEqualTo(1);
    }

    @Test
    void clearingTheLogRemovesOnlyConsoleLinesOlderThanTheThreshold() {
        indexer.batch(TASK, List.of(Events.log(TASK, 1000, "old"), Events.log(TASK, 2000, "older"),
                Events.log(TASK, 3000, "new"), Events.scalar(TASK, "loss", "train", 1, 0.5)));

        long offset = indexer.deleteLogs(TASK, 2500L, List.of(), List.of());

        assertThat(indexer.progress.awaitProcessed(List.of(new LogPosition(0, offset)), Duration.ZERO)).isEqualTo(2);
        assertThat(indexer.index.docs(EventIndices.LOG, COMPANY)).extracting(doc -> doc.get("msg"))
                .containsExactly("new");
        assertThat(indexer.index.docs(EventIndices.SCALAR, COMPANY)).hasSize(1);
        assertThat(indexer.summaries(TASK)).hasSize(1);
        assertThat(indexer.deletedFiles).isEmpty();
    }

    @Test
    void clearingTheLogHonoursIncludedAndExcludedMetrics() {
        indexer.batch(TASK, List.of(Events.with(Events.log(TASK, 1000, "a"), "metric", "stdout"),
                Events.with(Events.log(TASK, 1000, "b"), "metric", "stderr"), Events.log(TASK, 1000, "c")));

        indexer.deleteLogs(TASK, null, List.of(), List.of("stderr"));
        assertThat(indexer.index.docs(EventIndices.LOG, COMPANY)).extracting(doc -> doc.get("msg"))
                .containsExactly("b");

        long offset = indexer.deleteLogs(TASK, null, List.of("stdout"), List.of());
        assertThat(indexer.progress.awaitProcessed(List.of(new LogPosition(0, offset)), Duration.ZERO)).isZero();
        assertThat(indexer.index.docs(EventIndices.LOG, COMPANY)).hasSize(1);
    }

    @Test
    void aDeletionIsRetriedUntilTheIndexTakesIt() {
        indexer.batch(TASK, List.of(Events.scalar(TASK, "loss", "train", 1, 0.5)));
        indexer.index.failingDeletes = 2;

        long offset = indexer.deleteAll(TASK);

        assertThat(indexer.progress.awaitProcessed(List.of(new LogPosition(0, offset)), Duration.ZERO)).isEqualTo(1);
        assertThat(indexer.index.size()).isZero();
    }

    @Test
    void replayedRecordsPublishNothingAndTouchNoFilesButLaterRecordsDo() {
        indexer.close();
        indexer = new IndexerDriver(new ReplayBoundary(Map.of(0, 2L)), 2_000);

        indexEveryType(TASK);
        indexer.deleteAll(TASK);
        indexer.flush();
        assertThat(indexer.published).isEmpty();
        assertThat(indexer.deletedFiles).isEmpty();
        assertThat(indexer.index.size()).isZero();

        indexEveryType(TASK);
        indexer.deleteAll(TASK);
        assertThat(indexer.published).hasSize(1);
        assertThat(indexer.deletedFiles).hasSize(1);
    }

    private void indexEveryType(String task) {
        indexer.batch(task, List.of(Events.scalar(task, "loss", "train", 1, 0.5),
                Events.plot(task, "conf", "m", 1, "{\"layout\": {\"images\": [{\"source\": \"" + PLOT_URL + "\"}]}}"),
                Events.image(task, "img", "s", 1, IMAGE_URL),
                Events.log(task, 1000, "hello")));
    }
}
