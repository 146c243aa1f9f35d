package io.xstore.server.serving;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The chart rules of serving.get_endpoint_metrics_history (docs/api/serving.md), on samples in memory. */
class ServingHistoryTest {

    private static ServingStats.Sample sample(String container, long second, String field, double value) {
        return new ServingStats.Sample(container, second * 1000, Map.of(field, value));
    }

    @Test
    @SuppressWarnings("unchecked")
    void requestsTakeEachInstancesMaximumAndSumThemOverInstances() {
        List<ServingStats.Sample> samples = List.of(sample("a", 100, "requests_num", 5),
                sample("a", 110, "requests_num", 9), sample("b", 105, "requests_num", 4),
                sample("a", 170, "requests_num", 12));
        Map<String, Object> chart = ServingHistory.chart("requests", ServingHistory.METRICS.get("requests"),
                samples, 100, 300, 60, true);
        Map<String, Object> total = (Map<String, Object>) chart.get("total");
        assertThat(total.get("dates")).isEqualTo(List.of(100L, 160L));
        assertThat(total.get("values")).isEqualTo(List.of(13.0, 12.0));
        Map<String, Map<String, Object>> instances = (Map<String, Map<String, Object>>) chart.get("instances");
        assertThat(instances.get("b").get("values")).as("a missing instance value counts as 0")
                .isEqualTo(List.of(4.0, 0.0));
    }

    @Test
    @SuppressWarnings("unchecked")
    void latencyIsAveragedEveryIntervalIsListedAndAnIncompleteLastOneIsDropped() {
        List<ServingStats.Sample> samples = List.of(sample("a", 100, "latency_ms", 10),
                sample("b", 101, "latency_ms", 30));
        Map<String, Object> chart = ServingHistory.chart("latency_ms", ServingHistory.METRICS.get("latency_ms"),
                samples, 100, 230, 60, false);
        Map<String, Object> total = (Map<String, Object>) chart.get("total");
        assertThat(total.get("dates")).isEqualTo(List.of(100L, 160L));
        assertThat(total.get("values")).isEqualTo(List.of(20.0, 0.0));
        assertThat((Map<String, Object>) chart.get("instances")).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void memoryIsChartedInGigabytes() {
        Map<String, Object> chart = ServingHistory.chart("ram_total", ServingHistory.METRICS.get("ram_total"),
                List.of(sample("a", 100, "memory_total", 2048)), 100, 200, 60, true);
        assertThat(((Map<String, Object>) chart.get("total")).get("values")).isEqualTo(List.of(2.0));
    }
}
