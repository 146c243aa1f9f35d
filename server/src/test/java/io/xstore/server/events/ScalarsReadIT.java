package io.xstore.server.events;

import com.fasterxml.jackson.databind.JsonNode;
import io.xstore.readmodel.events.EventIndices;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ScalarsReadIT extends AbstractEventsReadIT {

    private static final long T0 = 1_700_000_000_000L;

    @Test
    void shortSeriesComeWholeWithTheirVariantNamesAndSingleValuesLeftOut() {
        String task = createTask();
        String company = companyOf(task);
        List<Map<String, Object>> docs = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            docs.add(scalar(task, company, "loss", "train", i, 1.0 / (i + 1), T0 + i * 1000L));
            docs.add(scalar(task, company, "loss", "val", i * 2, 2.0, T0 + i * 1000L));
        }
        docs.add(scalar(task, company, "Summary", "accuracy", EventIndices.SINGLE_VALUE_ITERATION, 0.9, T0));
        index(docs);

        ok("events.add", Map.of("task", task, "type", "training_stats_scalar", "metric", "loss", "variant", "train",
                "iter", 0, "value", 1.0, "timestamp", T0, "x_axis_label", "epoch"));

        JsonNode data = ok("events.scalar_metrics_iter_histogram", Map.of("task", task));

        assertThat(data.has("Summary")).isFalse();
        assertThat(data.get("loss").get("train").get("x_axis_label").asText()).isEqualTo("epoch");
        assertThat(data.get("loss").get("val").has("x_axis_label")).isFalse();
        JsonNode train = data.get("loss").get("train");
        assertThat(train.get("name").asText()).isEqualTo("train");
        assertThat(longs(train.get("x"))).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
        assertThat(train.get("y").get(1).asDouble()).isEqualTo(0.5);
        assertThat(longs(data.get("loss").get("val").get("x"))).startsWith(0L, 2L, 4L);

        JsonNode byTime = ok("events.scalar_metrics_iter_histogram", Map.of("task", task, "key", "timestamp"));
        assertThat(longs(byTime.get("loss").get("train").get("x"))).startsWith(T0, T0 + 1000);
        JsonNode byIso = ok("events.scalar_metrics_iter_histogram", Map.of("task", task, "key", "iso_time"));
        assertThat(byIso.get("loss").get("train").get("x").get(1).asText()).isEqualTo("2023-11-14T22:13:21.000Z");

        JsonNode filtered = ok("events.scalar_metrics_iter_histogram", Map.of("task", task,
                "metrics", List.of(Map.of("metric", "loss", "variants", List.of("val")))));
        assertThat(filtered.get("loss").has("train")).isFalse();
        assertThat(filtered.get("loss").has("val")).isTrue();
    }

    // behaviour §3 scalar histogram default: mean per bucket at the bucket start
    @Test
    void behaviour3ScalarHistogramDefaultIsTheMeanPerBucketAtTheBucketStart() {
        String task = createTask();
        String company = companyOf(task);
        List<Map<String, Object>> docs = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            docs.add(scalar(task, company, "acc", "train", i, i % 2 == 0 ? 1.0 : 3.0, T0 + i));
        }
        index(docs);

        JsonNode series = ok("events.scalar_metrics_iter_histogram", Map.of("task", task, "samples", 100))
                .get("acc").get("train");

        // interval = ceil((999 - 0 + 1) / 100) = 10: buckets start at 0, 10, ..., 990
        List<Long> x = longs(series.get("x"));
        assertThat(x).hasSize(100).startsWith(0L, 10L, 20L).endsWith(990L);
        for (JsonNode y : series.get("y")) {
            assertThat(y.asDouble()).isEqualTo(2.0);
        }
        assertThat(series.has("y_min")).isFalse();
        assertThat(series.has("y_max")).isFalse();
        JsonNode explicit = ok("events.multi_task_scalar_metrics_iter_histogram", Map.of("tasks", List.of(task),
                "samples", 100, "bucketing", "mean")).get("metrics").get("acc").get("train").get(task);
        assertThat(longs(explicit.get("x"))).isEqualTo(x);
    }

    // behaviour §3 scalar histogram default: spike-keeping buckets on request (bucketing min_max)
    @Test
    void behaviour3MinMaxBucketingKeepsTheLastPointWithTheBucketsLowAndHigh() {
        String task = createTask();
        String company = companyOf(task);
        List<Map<String, Object>> docs = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            double value = i == 12_345 ? 0.0 : 10.0 + (i % 7) * 0.1;
            docs.add(scalar(task, company, "acc", "train", i, value, T0 + i));
        }
        index(docs);

        JsonNode series = ok("events.scalar_metrics_iter_histogram", Map.of("task", task, "samples", 100,
                "bucketing", "min_max")).get("acc").get("train");

        // interval = 200: each bucket answers its last point (x = 199, 399, ...) with its low and high
        List<Long> x = longs(series.get("x"));
        assertThat(x).hasSize(100).startsWith(199L, 399L).endsWith(19_999L);
        assertThat(series.get("y").size()).isEqualTo(100);
        assertThat(series.get("y").get(0).asDouble()).isEqualTo(10.0 + (199 % 7) * 0.1);
        assertThat(series.get("y_min").size()).isEqualTo(100);
        assertThat(series.get("y_max").size()).isEqualTo(100);
        int dropBucket = 12_345 / 200;
        assertThat(series.get("y_min").get(dropBucket).asDouble()).as("the drop at 12345 stays visible")
                .isEqualTo(0.0);
        assertThat(series.get("y_max").get(dropBucket).asDouble()).isEqualTo(10.6, within(1e-9));
        assertThat(series.get("y_min").get(0).asDouble()).isEqualTo(10.0);

        JsonNode multi = ok("events.multi_task_scalar_metrics_iter_histogram", Map.of("tasks", List.of(task),
                "samples", 100, "bucketing", "min_max")).get("metrics").get("acc").get("train").get(task);
        assertThat(longs(multi.get("x"))).isEqualTo(x);
        assertThat(multi.get("y_min").get(dropBucket).asDouble()).isEqualTo(0.0);
    }

    // behaviour §3 scalar histogram default: a short series comes whole, without y_min/y_max, in either mode
    @Test
    void behaviour3MinMaxBucketingLeavesAShortSeriesWhole() {
        String task = createTask();
        String company = companyOf(task);
        index(List.of(scalar(task, company, "loss", "v", 1, 0.5, T0), scalar(task, company, "loss", "v", 2, 0.4,
                T0 + 1)));

        JsonNode series = ok("events.scalar_metrics_iter_histogram", Map.of("task", task, "bucketing", "min_max"))
                .get("loss").get("v");

        assertThat(longs(series.get("x"))).containsExactly(1L, 2L);
        assertThat(series.has("y_min")).isFalse();
        assertThat(series.has("y_max")).isFalse();
        assertError("events.scalar_metrics_iter_histogram", Map.of("task", task, "bucketing", "spikes"), 400, 12);
        assertError("events.multi_task_scalar_metrics_iter_histogram", Map.of("tasks", List.of(task),
                "bucketing", "median"), 400, 12);
    }

    @Test
    void compareViewHasEverySeriesPerTaskWithTheTaskName() {
        String first = createTask();
        String second = createTask();
        String company = companyOf(first);
        index(List.of(scalar(first, company, "loss", "total", 1, 0.5, T0),
                scalar(second, company, "loss", "total", 1, 0.7, T0),
                scalar(second, company, "loss", "total", 2, 0.6, T0 + 1)));

        JsonNode metrics = ok("events.multi_task_scalar_metrics_iter_histogram",
                Map.of("tasks", first + "," + second)).get("metrics");

        JsonNode byTask = metrics.get("loss").get("total");
        assertThat(byTask.get(first).get("name").asText()).startsWith("events read");
        assertThat(longs(byTask.get(second).get("x"))).containsExactly(1L, 2L);
        assertThat(byTask.get(second).get("y").get(1).asDouble()).isEqualTo(0.6);
        assertError("events.multi_task_scalar_metrics_iter_histogram",
                Map.of("tasks", List.of(first, "0123456789abcdef0123456789abcdef")), 400, 101);
    }

    @Test
    void everyMetricOfATaskIsListedWithoutACap() {
        String task = createTask();
        String company = companyOf(task);
        List<Map<String, Object>> docs = new ArrayList<>();
        for (int m = 0; m < 1_500; m++) {
            docs.add(scalar(task, company, String.format("m%04d", m), "v", 1, m, T0));
        }
        docs.add(scalar(task, company, "Summary", "single", EventIndices.SINGLE_VALUE_ITERATION, 1, T0));
        index(docs);

        JsonNode histogram = ok("events.scalar_metrics_iter_histogram", Map.of("task", task));
        assertThat(histogram.size()).isEqualTo(1_500);

        JsonNode perTask = ok("events.get_task_metrics", Map.of("tasks", List.of(task),
                "event_type", "training_stats_scalar")).get("metrics");
        assertThat(perTask.get(0).get("task").asText()).isEqualTo(task);
        assertThat(perTask.get(0).get("metrics")).hasSize(1_500);
        assertThat(perTask.get(0).get("metrics").get(0).asText()).isEqualTo("m0000");

        JsonNode union = okAt("/v2.28/", "events.get_multi_task_metrics", Map.of("tasks", List.of(task)))
                .get("metrics");
        assertThat(union).hasSize(1_501);
        assertThat(union.get(0).get("metric").asText()).isEqualTo("Summary");
        assertThat(union.get(0).get("variants").get(0).asText()).isEqualTo("single");

        JsonNode variants = ok("events.get_scalar_metrics_and_variants", Map.of("task", task)).get("metrics");
        assertThat(variants.get("m0042").get(0).asText()).isEqualTo("v");
        assertError("events.get_task_metrics", Map.of("tasks", List.of(task)), 400, 12);
        assertError("events.get_task_metrics", Map.of("tasks", List.of(task), "event_type", "nope"), 400, 12);
    }

    @Test
    void rawPointsScrollInBatchesUntilExhausted() {
        String task = createTask();
        String company = companyOf(task);
        List<Map<String, Object>> docs = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            docs.add(scalar(task, company, "loss", "a", i, i, T0 + i));
            docs.add(scalar(task, company, "loss", "b", i, -i, T0 + i));
        }
        index(docs);

        Map<String, Object> request = Map.of("task", task, "metric", Map.of("metric", "loss", "variants", List.of("a")),
                "batch_size", 10, "count_total", true);
        JsonNode first = ok("events.scalar_metrics_iter_raw", request);
        assertThat(first.get("returned").asInt()).isEqualTo(10);
        assertThat(first.get("total").asInt()).isEqualTo(25);
        assertThat(longs(first.get("variants").get("a").get("iter"))).startsWith(0L, 1L, 2L);
        assertThat(first.get("variants").has("b")).isFalse();

        int returned = first.get("returned").asInt();
        String scroll = first.get("scroll_id").asText();
        List<Long> iters = new ArrayList<>(longs(first.get("variants").get("a").get("iter")));
        while (true) {
            JsonNode page = ok("events.scalar_metrics_iter_raw", Map.of("task", task,
                    "metric", Map.of("metric", "loss"), "scroll_id", scroll));
            if (page.get("returned").asInt() == 0) {
                assertThat(page.get("variants")).isEmpty();
                break;
            }
            returned += page.get("returned").asInt();
            iters.addAll(longs(page.get("variants").get("a").get("iter")));
            scroll = page.get("scroll_id").asText();
        }
        assertThat(returned).isEqualTo(25);
        assertThat(iters).isSorted().doesNotHaveDuplicates().hasSize(25);

        JsonNode iso = ok("events.scalar_metrics_iter_raw", Map.of("task", task, "key", "iso_time",
                "metric", Map.of("metric", "loss")));
        assertThat(iso.get("variants").get("b").get("iso_time").get(0).asText()).endsWith("Z");
        assertThat(iso.get("total").isNull()).isTrue();
        assertError("events.scalar_metrics_iter_raw", Map.of("task", task), 400, 12);
        assertError("events.scalar_metrics_iter_raw", Map.of("task", task, "metric", Map.of("metric", "loss"),
                "scroll_id", "forged.token"), 400, 1104);
    }

    @Test
    void singleValuesLatestValuesMetricDataAndVectors() {
        String task = createTask();
        String company = companyOf(task);
        List<Map<String, Object>> docs = new ArrayList<>();
        docs.add(scalar(task, company, "Summary", "accuracy", EventIndices.SINGLE_VALUE_ITERATION, 0.93, T0));
        for (int i = 0; i < 150; i++) {
            docs.add(scalar(task, company, "loss", "train", i, i < 50 ? 100 : 1, T0 + i));
        }
        Map<String, Object> vector = base(task, EventIndices.VECTOR, company, "hist", "w", 3L, T0);
        vector.put("value", List.of(1.0, 2.0, 3.0));
        docs.add(vector);
        index(docs);

        JsonNode single = ok("events.get_task_single_value_metrics", Map.of("tasks", List.of(task))).get("tasks");
        assertThat(single).hasSize(1);
        assertThat(single.get(0).get("task_name").asText()).startsWith("events read");
        JsonNode value = single.get(0).get("values").get(0);
        assertThat(value.get("variant").asText()).isEqualTo("accuracy");
        assertThat(value.get("value").asDouble()).isEqualTo(0.93);
        assertThat(value.get("timestamp").asLong()).isEqualTo(T0);
        String other = createTask();
        assertThat(ok("events.get_task_single_value_metrics", Map.of("tasks", List.of(other))).get("tasks")).isEmpty();

        JsonNode latest = ok("events.get_task_latest_scalar_values", Map.of("task", task));
        JsonNode train = latest.get("metrics").get(0).get("variants").get(0);
        assertThat(latest.get("metrics").get(0).get("name").asText()).isEqualTo("loss");
        assertThat(train.get("last_value").asDouble()).isEqualTo(1.0);
        assertThat(train.get("last_100_value").asDouble()).isEqualTo(1.0);
        assertThat(latest.get("last_timestamp").asLong()).isEqualTo(T0 + 149);
        assertThat(latest.get("status").asText()).isEqualTo("created");

        JsonNode data = ok("events.get_scalar_metric_data", Map.of("task", task, "metric", "loss"));
        assertThat(data.get("returned").asInt()).isEqualTo(150);
        assertThat(data.get("events").get(0).get("iter").asLong()).isEqualTo(149);
        JsonNode rest = ok("events.get_scalar_metric_data", Map.of("task", task, "metric", "loss",
                "scroll_id", data.get("scroll_id").asText()));
        assertThat(rest.get("returned").asInt()).isZero();

        JsonNode vectors = ok("events.vector_metrics_iter_histogram", Map.of("task", task, "metric", "hist",
                "variant", "w"));
        assertThat(longs(vectors.get("iterations"))).containsExactly(3L);
        assertThat(vectors.get("vectors").get(0).get(2).asDouble()).isEqualTo(3.0);
        assertThat(ok("events.get_vector_metrics_and_variants", Map.of("task", task)).get("metrics")
                .get("hist").get(0).asText()).isEqualTo("w");
    }

    @Test
    void taskWithoutScalarsHasNoSeries() {
        String task = createTask();

        assertThat(ok("events.scalar_metrics_iter_histogram", Map.of("task", task))).isEmpty();
        assertThat(ok("events.scalar_metrics_iter_raw", Map.of("task", task, "metric", Map.of("metric", "x")))
                .get("returned").asInt()).isZero();
        assertError("events.scalar_metrics_iter_histogram", Map.of("task", task, "samples", 0), 400, 12);
        assertError("events.scalar_metrics_iter_histogram", Map.of("task", task, "key", "epoch"), 400, 12);
        assertError("events.scalar_metrics_iter_histogram", Map.of("task", task, "model_events", true), 400, 201);
    }

    static List<Long> longs(JsonNode array) {
        List<Long> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asLong()));
        return values;
    }
}
