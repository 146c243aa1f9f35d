package io.xstore.server.events;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The event rules of docs/api/behaviour-rules.md §3 (samples, navigation, iterators, scroll states, log filter). */
class EventRulesIT extends AbstractEventsReadIT {

    private static final long T0 = 1_700_000_000_000L;

    private static String url(String name) {
        return "http://files.example/img/" + name + ".png";
    }

    /** Images: metric a (variant v) at iterations 1, 3; metric b (variant v) at iterations 2, 3. */
    private String taskWithImages() {
        String task = createTask();
        String company = companyOf(task);
        index(List.of(image(task, company, "a", "v", 1, url(task + "a1")),
                image(task, company, "a", "v", 3, url(task + "a3")),
                image(task, company, "b", "v", 2, url(task + "b2")),
                image(task, company, "b", "v", 3, url(task + "b3"))));
        return task;
    }

    // behaviour §3 empty samples answer null iterations and no event
    @Test
    void behaviour3EmptySamplesAnswerNulls() {
        String task = taskWithImages();

        JsonNode image = ok("events.get_debug_image_sample", Map.of("task", task, "metric", "none",
                "variant", "none"));
        assertThat(image.get("event").isNull()).as(image.toString()).isTrue();
        assertThat(image.get("min_iteration").isNull()).as(image.toString()).isTrue();
        assertThat(image.get("max_iteration").isNull()).as(image.toString()).isTrue();

        JsonNode plot = ok("events.get_plot_sample", Map.of("task", task, "metric", "none"));
        assertThat(plot.get("events")).as(plot.toString()).isEmpty();
        assertThat(plot.get("min_iteration").isNull()).as(plot.toString()).isTrue();
        assertThat(plot.get("max_iteration").isNull()).as(plot.toString()).isTrue();
    }

    // behaviour §3 end of navigation keeps the scroll state (never repeats the current sample)
    @Test
    void behaviour3EndOfNavigationKeepsTheScrollState() {
        String task = taskWithImages();
        JsonNode latest = ok("events.get_debug_image_sample", Map.of("task", task, "metric", "a", "variant", "v"));
        assertThat(latest.get("event").get("iter").asLong()).isEqualTo(3);

        JsonNode pastLast = ok("events.next_debug_image_sample", Map.of("task", task, "scroll_id",
                latest.get("scroll_id").asText(), "navigate_earlier", false));
        assertThat(pastLast.get("event").isNull()).isTrue();

        JsonNode back = ok("events.next_debug_image_sample", Map.of("task", task, "scroll_id",
                pastLast.get("scroll_id").asText()));
        assertThat(back.get("event").get("iter").asLong()).isEqualTo(1);
        JsonNode pastFirst = ok("events.next_debug_image_sample", Map.of("task", task, "scroll_id",
                back.get("scroll_id").asText()));
        assertThat(pastFirst.get("event").isNull()).isTrue();
        JsonNode forward = ok("events.next_debug_image_sample", Map.of("task", task, "scroll_id",
                pastFirst.get("scroll_id").asText(), "navigate_earlier", false));
        assertThat(forward.get("event").get("iter").asLong()).isEqualTo(3);
    }

    // behaviour §3 next_iteration across metrics: nearest iteration, first metric forward, last metric back
    @Test
    void behaviour3NextIterationAcrossMetrics() {
        String task = taskWithImages();
        JsonNode start = ok("events.get_debug_image_sample", Map.of("task", task, "metric", "a", "variant", "v",
                "iteration", 1, "navigate_current_metric", false));
        assertThat(start.get("event").get("iter").asLong()).isEqualTo(1);

        JsonNode forward = ok("events.next_debug_image_sample", Map.of("task", task, "scroll_id",
                start.get("scroll_id").asText(), "next_iteration", true, "navigate_earlier", false));
        assertThat(forward.get("event").get("iter").asLong()).isEqualTo(2);
        assertThat(forward.get("event").get("metric").asText()).isEqualTo("b");

        JsonNode forwardAgain = ok("events.next_debug_image_sample", Map.of("task", task, "scroll_id",
                forward.get("scroll_id").asText(), "next_iteration", true, "navigate_earlier", false));
        assertThat(forwardAgain.get("event").get("iter").asLong()).isEqualTo(3);
        assertThat(forwardAgain.get("event").get("metric").asText()).isEqualTo("a");

        JsonNode back = ok("events.next_debug_image_sample", Map.of("task", task, "scroll_id",
                forwardAgain.get("scroll_id").asText(), "next_iteration", true));
        assertThat(back.get("event").get("iter").asLong()).isEqualTo(2);
        assertThat(back.get("event").get("metric").asText()).isEqualTo("b");
    }

    // behaviour §3 every requested task gets an entry; one scroll state store for images and plots
    @Test
    void behaviour3EveryTaskGetsAnEntryAndScrollIdsAreShared() {
        String images = taskWithImages();
        String empty = createTask();

        JsonNode data = ok("events.debug_images", Map.of("metrics", List.of(Map.of("task", images),
                Map.of("task", empty)), "iters", 5));
        assertThat(tasks(data)).containsExactly(images, empty);
        assertThat(data.get("metrics").get(1).get("iterations")).isEmpty();

        JsonNode plots = ok("events.plots", Map.of("metrics", List.of(Map.of("task", empty)), "iters", 5));
        assertThat(plots.get("metrics").get(0).get("task").asText()).isEqualTo(empty);
        assertThat(plots.get("metrics").get(0).get("iterations")).isEmpty();

        JsonNode crossed = ok("events.debug_images", Map.of("metrics", List.of(Map.of("task", images)), "iters", 5,
                "scroll_id", plots.get("scroll_id").asText()));
        assertThat(crossed.get("metrics").get(0).get("task").asText()).isEqualTo(images);
        JsonNode unknown = ok("events.debug_images", Map.of("metrics", List.of(Map.of("task", images)),
                "iters", 5, "scroll_id", "expired-or-unknown"));
        assertThat(unknown.get("metrics").get(0).get("iterations")).isNotEmpty();
    }

    // behaviour §3 paging is per task: iters counts iterations across all of a task's metrics
    @Test
    void behaviour3PagingIsPerTask() {
        String task = taskWithImages();

        JsonNode first = ok("events.debug_images", Map.of("metrics", List.of(Map.of("task", task)), "iters", 2));
        List<Long> iters = new ArrayList<>();
        first.get("metrics").get(0).get("iterations").forEach(i -> iters.add(i.get("iter").asLong()));
        assertThat(iters).containsExactly(3L, 2L);

        JsonNode second = ok("events.debug_images", Map.of("metrics", List.of(Map.of("task", task)), "iters", 2,
                "scroll_id", first.get("scroll_id").asText()));
        List<Long> older = new ArrayList<>();
        second.get("metrics").get(0).get("iterations").forEach(i -> older.add(i.get("iter").asLong()));
        assertThat(older).containsExactly(1L);
    }

    // behaviour §3 get_task_log filters by metrics; total counts only matches
    @Test
    void behaviour3TaskLogFiltersByMetrics() {
        String task = createTask();
        String company = companyOf(task);
        Map<String, Object> tagged = log(task, company, T0, "info", "from m");
        tagged.put("metric", "m");
        tagged.put("variant", "v");
        index(List.of(tagged, log(task, company, T0 + 1, "info", "plain line")));

        JsonNode all = ok("events.get_task_log", Map.of("task", task));
        JsonNode filtered = ok("events.get_task_log", Map.of("task", task, "metrics",
                List.of(Map.of("metric", "m", "variants", List.of("v")))));

        assertThat(all.get("total").asInt()).isEqualTo(2);
        assertThat(filtered.get("total").asInt()).isEqualTo(1);
        assertThat(filtered.get("events").get(0).get("msg").asText()).isEqualTo("from m");
    }

    private static List<String> tasks(JsonNode data) {
        List<String> out = new ArrayList<>();
        data.get("metrics").forEach(m -> out.add(m.get("task").asText()));
        return out;
    }
}
