package io.xstore.projection.metrics;

import io.xstore.api.metrics.MetricEventBatch;
import io.xstore.readmodel.events.EventDocumentIds;
import io.xstore.readmodel.events.EventIndices;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EventDocumentsTest {

    private static final String TASK = "e".repeat(32);

    @Test
    void aScalarIsStoredWithCompanyPositionAndDefaultsButWithoutRequestOnlyFields() {
        Map<String, Object> event = new LinkedHashMap<>(Map.of("type", "training_stats_scalar", "task", TASK,
                "timestamp", 1000L, "iter", 4, "value", 0.5, "x_axis_label", "epoch", "allow_locked", true,
                "custom", "kept"));

        EventWrite write = single(batch(event), 3, 17);

        assertThat(write.index()).isEqualTo("events-training_stats_scalar-comp1");
        assertThat(write.id()).isEqualTo(EventDocumentIds.metricEventId(TASK, 4L, "", "", null));
        assertThat(write.source()).containsEntry("company_id", "Comp1").containsEntry("metric", "")
                .containsEntry("variant", "").containsEntry("model_event", false).containsEntry("iter", 4L)
                .containsEntry("seq", EventDocumentIds.sequence(3, 17, 0)).containsEntry("custom", "kept")
                .containsEntry("@timestamp", IndexerDriver.AUDIT.at().toString())
                .doesNotContainKeys("x_axis_label", "allow_locked");
    }

    @Test
    void anImageIdIncludesItsKeyAndAModelEventIsMarked() {
        Map<String, Object> event = Events.image(TASK, "img", "s", 2, "http://f/p/a.png");
        MetricEventBatch batch = new MetricEventBatch(TASK, true, "Comp1", List.of(event), IndexerDriver.AUDIT);

        EventWrite write = EventDocuments.of(batch, 0, 0).get(0);

        assertThat(write.id()).isEqualTo(EventDocumentIds.metricEventId(TASK, 2L, "img", "s", "p/a.png"));
        assertThat(write.source()).containsEntry("model_event", true);
    }

    @Test
    void vectorValuesAreStoredAsValue() {
        Map<String, Object> event = new LinkedHashMap<>(Map.of("type", EventIndices.VECTOR, "task", TASK,
                "iter", 1, "values", List.of(1.0, 2.0)));

        assertThat(single(batch(event), 0, 0).source()).containsEntry("value", List.of(1.0, 2.0))
                .doesNotContainKey("values");
    }

    @Test
    void eventsOfUnknownTypeAreLeftOut() {
        assertThat(EventDocuments.of(batch(new LinkedHashMap<>(Map.of("type", "bogus", "task", TASK))), 0, 0))
                .isEmpty();
    }

    @Test
    void plotSourceUrlsAreTheUrlsInSourceFields() {
        String plot = "{\"layout\": {\"images\": [{\"source\": \"https://a/1.png\"}, {\"source\":\"s3://b/2.png\"},"
                + " {\"source\": \"data:image/png;base64,xx\"}, {\"source\": \"https://a/1.png\"}]}}";

        assertThat(PlotSourceUrls.find(plot)).containsExactly("https://a/1.png", "s3://b/2.png");
    }

    private static MetricEventBatch batch(Map<String, Object> event) {
        return new MetricEventBatch(TASK, false, "Comp1", List.of(event), IndexerDriver.AUDIT);
    }

    private static EventWrite single(MetricEventBatch batch, int partition, long offset) {
        List<EventWrite> writes = EventDocuments.of(batch, partition, offset);
        assertThat(writes).hasSize(1);
        return writes.get(0);
    }
}
