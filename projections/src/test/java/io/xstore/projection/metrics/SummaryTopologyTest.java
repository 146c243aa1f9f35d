package io.xstore.projection.metrics;

import io.xstore.api.metrics.EventTypeActivity;
import io.xstore.api.metrics.MetricSummary;
import io.xstore.api.metrics.TargetMetrics;
import io.xstore.readmodel.events.EventIndices;
import io.xstore.readmodel.events.Md5;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.assertj.core.api.Assertions.tuple;

class SummaryTopologyTest {

    private static final String TASK = "b".repeat(32);

    private final IndexerDriver indexer = new IndexerDriver();

    @AfterEach
    void close() {
        indexer.close();
    }

    @Test
    void aSeriesKeepsLatestValueExtremesFirstValueCountAndMean() {
        indexer.batch(TASK, List.of(Events.scalar(TASK, "loss", "train", 0, 2.3),
                Events.scalar(TASK, "loss", "train", 1, 1.0), Events.scalar(TASK, "loss", "train", 2, 0.5)));
        indexer.flush();
        indexer.batch(TASK, List.of(Events.scalar(TASK, "loss", "train", 4, 0.7),
                Events.scalar(TASK, "loss", "train", 3, 0.1)));
        indexer.flush();

        MetricSummary loss = single(indexer.lastPublished(TASK));
        assertThat(loss.metricHash()).isEqualTo(Md5.hex("loss"));
        assertThat(loss.variantHash()).isEqualTo(Md5.hex("train"));
        assertThat(loss.value()).isEqualTo(0.7);
        assertThat(loss.minValue()).isEqualTo(0.1);
        assertThat(loss.minValueIteration()).isEqualTo(3);
        assertThat(loss.maxValue()).isEqualTo(2.3);
        assertThat(loss.maxValueIteration()).isZero();
        assertThat(loss.firstValue()).isEqualTo(2.3);
        assertThat(loss.firstValueIteration()).isZero();
        assertThat(loss.count()).isEqualTo(5);
        assertThat(loss.meanValue()).isEqualTo(0.92);
        assertThat(loss.xAxisLabel()).isNull();
    }

    @Test
    void theValueIsThatOfTheGreatestIterationThenTimestampOfTheLatestBatch() {
        indexer.batch(TASK, List.of(Events.scalar(TASK, "acc", "val", 9, 0.9)));
        indexer.batch(TASK, List.of(Events.scalar(TASK, "acc", "val", 5, 0.2, 200),
                Events.scalar(TASK, "acc", "val", 5, 0.1, 100), Events.scalar(TASK, "acc", "val", 3, 0.8, 300)));
        indexer.flush();

        assertThat(single(indexer.lastPublished(TASK)).value()).isEqualTo(0.2);
        assertThat(single(indexer.lastPublished(TASK)).firstValueIteration()).isEqualTo(9);
    }

    @Test
    void theMeanIsRoundedToTwoDecimalsButSummedExactly() {
        indexer.batch(TASK, List.of(Events.scalar(TASK, "m", "v", 1, 0.004)));
        indexer.flush();
        indexer.batch(TASK, List.of(Events.scalar(TASK, "m", "v", 2, 0.004)));
        indexer.flush();
        indexer.batch(TASK, List.of(Events.scalar(TASK, "m", "v", 3, 0.004)));
        indexer.flush();

        assertThat(single(indexer.lastPublished(TASK)).meanValue()).isEqualTo(0.0);
        assertThat(indexer.summaries(TASK)).singleElement()
                .satisfies(state -> assertThat(state.sum()).isCloseTo(0.012, offset(1e-12)));
    }

    @Test
    void lastIterationIgnoresMonitorMetricsAndSingleValues() {
        indexer.batch(TASK, List.of(Events.scalar(TASK, "loss", "train", 10, 0.5),
                Events.scalar(TASK, ":monitor:gpu", "gpu_0_utilization", 50, 90),
                Events.scalar(TASK, "Summary", "accuracy", EventIndices.SINGLE_VALUE_ITERATION, 0.97)));
        indexer.flush();

        TargetMetrics metrics = indexer.lastPublished(TASK);
        assertThat(metrics.lastIteration()).isEqualTo(10);
        assertThat(metrics.metrics()).extracting(MetricSummary::metric)
                .containsExactly("loss", ":monitor:gpu", "Summary");
        assertThat(metrics.metrics().get(2).firstValueIteration()).isEqualTo(EventIndices.SINGLE_VALUE_ITERATION);

        indexer.batch(TASK, List.of(Events.scalar(TASK, ":monitor:machine", "cpu", 70, 5)));
        indexer.flush();
        assertThat(indexer.lastPublished(TASK).lastIteration()).isNull();
    }

    @Test
    void theXAxisLabelIsKeptWhenSentAndNotStoredInTheEvent() {
        indexer.batch(TASK, List.of(
                Events.with(Events.scalar(TASK, "loss", "train", 1, 0.5), "x_axis_label", "epoch")));
        indexer.flush();
        indexer.batch(TASK, List.of(Events.scalar(TASK, "loss", "train", 2, 0.4)));
        indexer.flush();

        assertThat(single(indexer.lastPublished(TASK)).xAxisLabel()).isEqualTo("epoch");
        assertThat(indexer.index.docs(EventIndices.SCALAR, IndexerDriver.COMPANY))
                .allSatisfy(doc -> assertThat(doc).doesNotContainKey("x_axis_label"));
    }

    @Test
    void onlyTheSeriesABatchTouchesArePublished() {
        indexer.batch(TASK, List.of(Events.scalar(TASK, "loss", "train", 1, 0.5),
                Events.scalar(TASK, "loss", "val", 1, 0.6)));
        indexer.flush();
        indexer.batch(TASK, List.of(Events.scalar(TASK, "loss", "val", 2, 0.4)));
        indexer.flush();

        assertThat(indexer.lastPublished(TASK).metrics()).extracting(MetricSummary::variant).containsExactly("val");
    }

    @Test
    void batchesOfOneTargetBetweenTwoFlushesArePublishedTogether() {
        indexer.batch(TASK, List.of(Events.scalar(TASK, "loss", "train", 1, 0.5)));
        indexer.batch(TASK, List.of(Events.scalar(TASK, "loss", "val", 3, 0.6)));
        indexer.batch(TASK, List.of(Events.scalar(TASK, "loss", "train", 2, 0.4)));
        indexer.flush();

        assertThat(indexer.published).hasSize(2);
        TargetMetrics metrics = indexer.published.get(1);
        assertThat(metrics.lastIteration()).isEqualTo(3);
        assertThat(metrics.metrics()).extracting(MetricSummary::variant, MetricSummary::count)
                .containsExactlyInAnyOrder(tuple("train", 2L), tuple("val", 1L));
        assertThat(metrics.audit()).isEqualTo(IndexerDriver.AUDIT);
        assertThat(metrics.company()).isEqualTo(IndexerDriver.COMPANY);
    }

    @Test
    void everyMetricAndEventTypeReportsItsLastEventTime() {
        indexer.batch(TASK, List.of(Events.log(TASK, 5000, "line"), Events.log(TASK, 7000, "line"),
                Events.plot(TASK, "conf", "m", 1, "{}"), Events.image(TASK, "conf", "img", 2,
                        "http://files/p/img.png")));
        indexer.flush();

        assertThat(indexer.lastPublished(TASK).activity()).containsExactly(
                new EventTypeActivity("", Md5.hex(""), EventIndices.LOG, 7000),
                new EventTypeActivity("conf", Md5.hex("conf"), EventIndices.PLOT, Events.T0 + 1),
                new EventTypeActivity("conf", Md5.hex("conf"), EventIndices.IMAGE, Events.T0 + 2));
        assertThat(indexer.lastPublished(TASK).metrics()).isEmpty();
        assertThat(indexer.lastPublished(TASK).lastIteration()).isEqualTo(2);
    }

    @Test
    void atMostTwoThousandSeriesAreTrackedPerTarget() {
        List<Map<String, Object>> events = new ArrayList<>();
        for (int i = 0; i <= SeriesSummaries.MAX_SERIES; i++) {
            events.add(Events.scalar(TASK, "m", "v" + i, 1, i));
        }
        indexer.batch(TASK, events);
        indexer.batch(TASK, List.of(Events.scalar(TASK, "m", "v0", 2, 5), Events.scalar(TASK, "m", "new", 2, 5)));
        indexer.flush();

        assertThat(indexer.summaries(TASK)).hasSize(SeriesSummaries.MAX_SERIES);
        assertThat(indexer.summaries(TASK)).extracting(SeriesState::variant).doesNotContain("new", "v2000");
        assertThat(indexer.index.docs(EventIndices.SCALAR, IndexerDriver.COMPANY)).hasSize(2003);
    }

    private static MetricSummary single(TargetMetrics metrics) {
        assertThat(metrics.metrics()).hasSize(1);
        return metrics.metrics().get(0);
    }
}
