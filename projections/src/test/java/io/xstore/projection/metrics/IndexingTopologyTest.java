package io.xstore.projection.metrics;

import io.xstore.api.metrics.LogPosition;
import io.xstore.api.metrics.MetricEventBatch;
import io.xstore.api.metrics.MetricLogEntry;
import io.xstore.readmodel.events.EventDocumentIds;
import io.xstore.readmodel.events.EventIndices;
import io.xstore.readmodel.events.MetricLogCodec;
import io.xstore.readmodel.events.PlotData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.xstore.projection.metrics.IndexerDriver.COMPANY;
import static org.assertj.core.api.Assertions.assertThat;

class IndexingTopologyTest {

    private static final String TASK = "a".repeat(32);

    private IndexerDriver indexer = new IndexerDriver();

    @AfterEach
    void close() {
        indexer.close();
    }

    @Test
    void anIdleIndexerWritesARecordAtOnceAndThenCountsItAsProcessed() {
        long offset = indexer.batch(TASK, List.of(Events.scalar(TASK, "loss", "train", 1, 0.5)));

        assertThat(indexer.index.docs(EventIndices.SCALAR, COMPANY)).singleElement()
                .satisfies(doc -> assertThat(doc).containsEntry("value", 0.5).containsEntry("company_id", COMPANY));
        assertThat(indexer.progress.awaitProcessed(List.of(new LogPosition(0, offset)), Duration.ZERO)).isZero();
    }

    @Test
    void recordsArrivingDuringAWriteAreGatheredAndWrittenByTheTimer() {
        indexer.batch(TASK, List.of(Events.scalar(TASK, "loss", "train", 1, 0.5)));
        long second = indexer.batch(TASK, List.of(Events.scalar(TASK, "loss", "train", 2, 0.4)));
        long third = indexer.batch(TASK, List.of(Events.scalar(TASK, "loss", "train", 3, 0.3)));

        assertThat(indexer.index.docs(EventIndices.SCALAR, COMPANY)).hasSize(1);
        assertThat(indexer.progress.isProcessed(new LogPosition(0, second))).isFalse();

        indexer.flush();

        assertThat(indexer.index.docs(EventIndices.SCALAR, COMPANY)).hasSize(3);
        assertThat(indexer.index.writeCalls).isEqualTo(2);
        assertThat(indexer.progress.isProcessed(new LogPosition(0, third))).isTrue();
    }

    @Test
    void resendingTheSameTaskIterationMetricAndVariantOverwritesTheEvent() {
        indexer.batch(TASK, List.of(Events.scalar(TASK, "loss", "train", 3, 0.9)));
        indexer.flush();
        indexer.batch(TASK, List.of(Events.scalar(TASK, "loss", "train", 3, 0.4),
                Events.scalar(TASK, "loss", "train", 3, 0.3)));
        indexer.flush();

        String id = EventDocumentIds.metricEventId(TASK, 3L, "loss", "train", null);
        assertThat(indexer.index.docs(EventIndices.SCALAR, COMPANY)).hasSize(1);
        assertThat(indexer.index.doc(EventIndices.SCALAR, COMPANY, id)).containsEntry("value", 0.3);
    }

    @Test
    void consoleLinesAreIdentifiedByTheirPlaceInTheLog() {
        indexer.batch(TASK, List.of(Events.log(TASK, 1000, "first")));
        long offset = indexer.batch(TASK, List.of(Events.log(TASK, 2000, "a"), Events.log(TASK, 2000, "a")));
        indexer.flush();

        assertThat(indexer.index.docs(EventIndices.LOG, COMPANY)).hasSize(3);
        assertThat(indexer.index.doc(EventIndices.LOG, COMPANY, EventDocumentIds.logEventId(TASK, 0, offset, 1)))
                .containsEntry("msg", "a")
                .containsEntry("seq", EventDocumentIds.sequence(0, offset, 1));
    }

    @Test
    void largePlotsAreStoredCompressedWithTheirLengthAndSourceUrls() {
        String url = "https://files.example.com/p/plot.png";
        String big = "{\"layout\": {\"images\": [{\"source\": \"" + url + "\"}]}, \"data\": \"" ;
        big = big + "x".repeat(PlotData.COMPRESS_FROM - big.length() - 2) + "\"}";
        String small = big.substring(0, big.length() - 3) + "\"}";
        indexer.batch(TASK, List.of(Events.plot(TASK, "big", "v", 1, big), Events.plot(TASK, "small", "v", 1, small)));
        indexer.flush();

        Map<String, Object> stored = new LinkedHashMap<>(indexer.index.doc(EventIndices.PLOT, COMPANY,
                EventDocumentIds.metricEventId(TASK, 1L, "big", "v", null)));
        assertThat(stored).doesNotContainKey("plot_str").containsKey("plot_data")
                .containsEntry("plot_len", PlotData.COMPRESS_FROM).containsEntry("source_urls", List.of(url));
        PlotData.restore(stored);
        assertThat(stored).containsEntry("plot_str", big);
        assertThat(indexer.index.doc(EventIndices.PLOT, COMPANY,
                EventDocumentIds.metricEventId(TASK, 1L, "small", "v", null)))
                .containsEntry("plot_str", small).containsEntry("plot_len", PlotData.COMPRESS_FROM - 1)
                .doesNotContainKey("plot_data");
    }

    @Test
    void aFullBufferIsWrittenWithoutWaitingForTheTimer() {
        indexer.close();
        indexer = new IndexerDriver(ReplayBoundary.none(), 3);

        indexer.batch(TASK, List.of(Events.scalar(TASK, "m", "v", 1, 1), Events.scalar(TASK, "m", "v", 2, 2),
                Events.scalar(TASK, "m", "v", 3, 3)));

        assertThat(indexer.index.docs(EventIndices.SCALAR, COMPANY)).hasSize(3);
    }

    @Test
    void writesAreRetriedUntilTheIndexTakesThem() {
        indexer.index.failingWrites = 2;
        long offset = indexer.batch(TASK, List.of(Events.scalar(TASK, "loss", "train", 1, 0.5)));

        indexer.flush();

        assertThat(indexer.index.writeCalls).isEqualTo(3);
        assertThat(indexer.index.docs(EventIndices.SCALAR, COMPANY)).hasSize(1);
        assertThat(indexer.progress.isProcessed(new LogPosition(0, offset))).isTrue();
    }

    @Test
    void aRecordsCopyIsKeptUntilItsDocumentsAreWritten() {
        indexer.batch(TASK, List.of(Events.scalar(TASK, "loss", "train", 1, 0.5)));
        indexer.batch(TASK, List.of(Events.scalar(TASK, "loss", "train", 2, 0.5)));
        assertThat(indexer.pendingStore().approximateNumEntries()).isEqualTo(1);

        indexer.flush();

        assertThat(indexer.pendingStore().approximateNumEntries()).isZero();
    }

    @Test
    void copiesLeftByAnEarlierRunAreIndexedAndTheirSummariesPublished() {
        byte[] record = MetricLogCodec.encode(MetricLogEntry.of(new MetricEventBatch(TASK, false, COMPANY,
                List.of(Events.scalar(TASK, "loss", "train", 7, 0.25)), IndexerDriver.AUDIT)));
        indexer.pendingStore().put(MetricLogProcessor.walKey(0, 41), record);
        indexer.summaryStore().put(SeriesSummaries.key(TASK, "loss", "train"),
                new SeriesState("loss", "train", 0.25, 0.25, 7, 0.25, 7, 0.25, 7, 1, 0.25, null));

        indexer.flush();

        assertThat(indexer.index.doc(EventIndices.SCALAR, COMPANY,
                EventDocumentIds.metricEventId(TASK, 7L, "loss", "train", null))).containsEntry("seq",
                EventDocumentIds.sequence(0, 41, 0));
        assertThat(indexer.lastPublished(TASK).metrics()).singleElement()
                .satisfies(summary -> assertThat(summary.count()).isEqualTo(1));
        assertThat(indexer.progress.isProcessed(new LogPosition(0, 41))).isTrue();
        indexer.flush();
        assertThat(indexer.pendingStore().approximateNumEntries()).isZero();
    }

    @Test
    void anUnreadableRecordIsSkippedAndCountsAsProcessed() {
        indexer.flush();
        indexer.batch(TASK, List.of(Events.scalar(TASK, "loss", "train", 1, 0.5)));
        long offset = indexer.appendRaw(TASK, "not json".getBytes());
        assertThat(indexer.progress.isProcessed(new LogPosition(0, offset))).isFalse();

        indexer.flush();

        assertThat(indexer.progress.isProcessed(new LogPosition(0, offset))).isTrue();
        assertThat(indexer.index.size()).isEqualTo(1);
    }

    @Test
    void anUnreadableRecordAloneIsMarkedProcessedToo() {
        indexer.flush();
        long offset = indexer.appendRaw(TASK, "not json".getBytes());

        assertThat(indexer.progress.isProcessed(new LogPosition(0, offset))).isTrue();
        assertThat(indexer.index.size()).isZero();
    }
}
