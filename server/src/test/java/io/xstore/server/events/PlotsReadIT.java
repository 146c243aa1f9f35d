package io.xstore.server.events;

import com.fasterxml.jackson.databind.JsonNode;
import io.xstore.readmodel.events.EventFields;
import io.xstore.readmodel.events.PlotData;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PlotsReadIT extends AbstractEventsReadIT {

    private static String plotStr(String title) {
        return "{\"data\": [], \"layout\": {\"title\": \"" + title + "\"}}";
    }

    /** Metric "m" with variants a, b at iterations 0..4, metric "n" with variant c at iterations 1 and 3. */
    private String taskWithPlots() {
        String task = createTask();
        String company = companyOf(task);
        List<Map<String, Object>> docs = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            docs.add(plot(task, company, "m", "a", i, plotStr("m/a/" + i)));
            docs.add(plot(task, company, "m", "b", i, plotStr("m/b/" + i)));
        }
        docs.add(plot(task, company, "n", "c", 1, plotStr("n/c/1")));
        docs.add(plot(task, company, "n", "c", 3, plotStr("n/c/3")));
        index(docs);
        return task;
    }

    @Test
    void taskPlotsAreTheLatestIterationsOfEachVariantWithCompressedPlotsRestored() {
        String task = createTask();
        String company = companyOf(task);
        String big = "{\"data\": [{\"x\": [" + "1,".repeat(60_000) + "1]}], \"layout\": {}}";
        Map<String, Object> compressed = plot(task, company, "big", "one", 7, "");
        compressed.remove(EventFields.PLOT_STR);
        compressed.put(EventFields.PLOT_DATA, PlotData.compress(big));
        compressed.put(EventFields.PLOT_LEN, big.length());
        index(List.of(compressed, plot(task, company, "big", "one", 3, plotStr("old")),
                plot(task, company, "small", "two", 2, plotStr("small"))));

        JsonNode data = ok("events.get_task_plots", Map.of("task", task));

        assertThat(data.get("returned").asInt()).isEqualTo(2);
        JsonNode first = data.get("plots").get(0);
        assertThat(first.get("iter").asLong()).isEqualTo(7);
        assertThat(first.get("plot_str").asText()).isEqualTo(big);
        assertThat(first.has("plot_data")).isFalse();
        assertThat(first.has("seq")).isFalse();
        assertThat(data.get("plots").get(1).get("metric").asText()).isEqualTo("small");

        JsonNode two = ok("events.get_task_plots", Map.of("task", task, "iters", 2, "metrics",
                List.of(Map.of("metric", "big"))));
        assertThat(two.get("returned").asInt()).isEqualTo(2);
        assertThat(two.get("plots").get(1).get("plot_str").asText()).isEqualTo(plotStr("old"));
    }

    @Test
    void multiTaskPlotsAreGroupedByMetricVariantTaskAndIteration() {
        String first = taskWithPlots();
        String second = taskWithPlots();

        JsonNode data = ok("events.get_multi_task_plots", Map.of("tasks", List.of(first, second)));

        JsonNode m = data.get("plots").get("m");
        assertThat(m.get("a").get(first).get("4").get("name").asText()).startsWith("events read");
        assertThat(m.get("a").get(first).get("4").get("plots").get(0).get("plot_str").asText())
                .isEqualTo(plotStr("m/a/4"));
        assertThat(data.get("plots").get("n").get("c").get(second).has("3")).isTrue();
        assertThat(data.get("returned").asInt()).isEqualTo(6);

        JsonNode perTask = ok("events.get_multi_task_plots", Map.of("tasks", List.of(first), "iters", 2,
                "last_iters_per_task_metric", false));
        // the task's two latest iterations are 4 and 3: m/a, m/b at both, n/c at 3
        assertThat(perTask.get("returned").asInt()).isEqualTo(5);
    }

    // behaviour §9 get_multi_task_plots pages to an end: a real scroll_id, then a page with returned 0
    @Test
    void behaviour9MultiTaskPlotsPageToAnEnd() {
        String task = taskWithPlots();

        JsonNode first = ok("events.get_multi_task_plots", Map.of("tasks", List.of(task)));
        assertThat(first.get("returned").asInt()).isPositive();
        assertThat(first.get("scroll_id").isTextual()).isTrue();

        JsonNode next = ok("events.get_multi_task_plots", Map.of("tasks", List.of(task), "scroll_id",
                first.get("scroll_id").asText()));
        assertThat(next.get("returned").asInt()).isZero();
        assertThat(next.get("plots")).isEmpty();
        assertThat(next.get("scroll_id").asText()).isEqualTo(first.get("scroll_id").asText());

        JsonNode unknown = ok("events.get_multi_task_plots", Map.of("tasks", List.of(task), "scroll_id", "stale"));
        assertThat(unknown.get("returned").asInt()).isEqualTo(first.get("returned").asInt());
    }

    @Test
    void plotsIteratorPagesBackThroughIterations() {
        String task = taskWithPlots();

        JsonNode first = ok("events.plots", Map.of("metrics", List.of(Map.of("task", task)), "iters", 2));
        JsonNode iterations = first.get("metrics").get(0).get("iterations");
        assertThat(first.get("metrics").get(0).get("task").asText()).isEqualTo(task);
        // behaviour §3 paging is per task: iters counts the task's iterations across its metrics
        assertThat(iters(iterations)).containsExactly(4L, 3L);
        assertThat(iterations.get(0).get("events")).hasSize(2);
        assertThat(iterations.get(1).get("events")).hasSize(3);

        JsonNode second = ok("events.plots", Map.of("metrics", List.of(Map.of("task", task)), "iters", 2,
                "scroll_id", first.get("scroll_id").asText()));
        JsonNode older = second.get("metrics").get(0).get("iterations");
        assertThat(iters(older)).containsExactly(2L, 1L);
        assertThat(older.get(1).get("events")).hasSize(3);

        JsonNode later = ok("events.plots", Map.of("metrics", List.of(Map.of("task", task)), "iters", 2,
                "navigate_earlier", false, "scroll_id", second.get("scroll_id").asText()));
        assertThat(iters(later.get("metrics").get(0).get("iterations"))).containsExactly(4L, 3L);
    }

    @Test
    void plotSampleNavigatesIterationsAndMetrics() {
        String task = taskWithPlots();

        JsonNode latest = ok("events.get_plot_sample", Map.of("task", task, "metric", "n"));
        assertThat(latest.get("min_iteration").asLong()).isEqualTo(1);
        assertThat(latest.get("max_iteration").asLong()).isEqualTo(3);
        assertThat(latest.get("events")).hasSize(1);
        assertThat(latest.get("events").get(0).get("iter").asLong()).isEqualTo(3);

        JsonNode earlier = ok("events.next_plot_sample", Map.of("task", task,
                "scroll_id", latest.get("scroll_id").asText(), "next_iteration", true));
        assertThat(earlier.get("events").get(0).get("iter").asLong()).isEqualTo(1);
        // behaviour §3 end of navigation: no events, and the scroll state stays at iteration 1
        JsonNode atStart = ok("events.next_plot_sample", Map.of("task", task,
                "scroll_id", earlier.get("scroll_id").asText(), "next_iteration", true));
        assertThat(atStart.get("events")).isEmpty();
        JsonNode back = ok("events.next_plot_sample", Map.of("task", task,
                "scroll_id", atStart.get("scroll_id").asText(), "next_iteration", true, "navigate_earlier", false));
        assertThat(back.get("events").get(0).get("iter").asLong()).isEqualTo(3);

        JsonNode allMetrics = ok("events.get_plot_sample", Map.of("task", task, "metric", "n", "iteration", 3,
                "navigate_current_metric", false));
        JsonNode previous = ok("events.next_plot_sample", Map.of("task", task,
                "scroll_id", allMetrics.get("scroll_id").asText()));
        // (3, "m") comes right before (3, "n")
        assertThat(previous.get("events")).hasSize(2);
        assertThat(previous.get("events").get(0).get("metric").asText()).isEqualTo("m");
        assertThat(previous.get("events").get(0).get("iter").asLong()).isEqualTo(3);
        assertError("events.next_plot_sample", Map.of("task", task, "scroll_id", "bad"), 400, 1104);
    }

    private static List<Long> iters(JsonNode iterations) {
        List<Long> values = new ArrayList<>();
        iterations.forEach(i -> values.add(i.get("iter").asLong()));
        return values;
    }
}
