package io.xstore.server.events;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DebugImagesReadIT extends AbstractEventsReadIT {

    private static String url(String variant, int slot) {
        return "http://files:8081/p/exp/metrics/img/" + variant + "/img_" + variant + "_" + slot + ".jpeg";
    }

    /**
     * Variant "cycled" reuses its 3 file names (history of 3): iterations 0..7 use slots 0,1,2,0,1,2,0,1, so the
     * latest (7, slot 1) overwrote the file of iteration 4: images up to iteration 4 are invalid. Variant "plain"
     * has unique files at iterations 0..7.
     */
    private String taskWithImages() {
        String task = createTask();
        String company = companyOf(task);
        List<Map<String, Object>> docs = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            docs.add(image(task, company, "img", "cycled", i, url("cycled", i % 3)));
            docs.add(image(task, company, "img", "plain", i, url("plain", i)));
        }
        index(docs);
        return task;
    }

    @Test
    void recycledUrlsHideOverwrittenImagesWhilePagingBack() {
        String task = taskWithImages();
        Map<String, Object> request = Map.of("metrics", List.of(Map.of("task", task, "metric", "img")), "iters", 3);

        JsonNode first = ok("events.debug_images", request);
        JsonNode iterations = first.get("metrics").get(0).get("iterations");
        assertThat(iters(iterations)).containsExactly(7L, 6L, 5L);
        assertThat(iterations.get(0).get("events")).hasSize(2);
        assertThat(iterations.get(0).get("events").get(0).get("variant").asText()).isEqualTo("cycled");
        assertThat(iterations.get(0).get("events").get(0).get("url").asText()).isEqualTo(url("cycled", 1));

        JsonNode second = ok("events.debug_images", with(request, "scroll_id", first.get("scroll_id").asText()));
        JsonNode older = second.get("metrics").get(0).get("iterations");
        assertThat(iters(older)).containsExactly(4L, 3L, 2L);
        for (JsonNode iteration : older) {
            assertThat(iteration.get("events")).hasSize(1);
            assertThat(iteration.get("events").get(0).get("variant").asText()).isEqualTo("plain");
        }

        JsonNode third = ok("events.debug_images", with(request, "scroll_id", second.get("scroll_id").asText()));
        assertThat(iters(third.get("metrics").get(0).get("iterations"))).containsExactly(1L, 0L);
        JsonNode end = ok("events.debug_images", with(request, "scroll_id", third.get("scroll_id").asText()));
        assertThat(end.get("metrics").get(0).get("iterations")).isEmpty();

        JsonNode refreshed = ok("events.debug_images", Map.of("metrics", List.of(Map.of("task", task)), "iters", 1,
                "refresh", true, "scroll_id", end.get("scroll_id").asText()));
        assertThat(iters(refreshed.get("metrics").get(0).get("iterations"))).containsExactly(7L);
    }

    @Test
    void variantFilterAndUnknownTask() {
        String task = taskWithImages();

        JsonNode data = ok("events.debug_images", Map.of("metrics", List.of(Map.of("task", task, "metric", "img",
                "variants", List.of("plain"))), "iters", 10));
        JsonNode iterations = data.get("metrics").get(0).get("iterations");
        assertThat(iterations).hasSize(8);
        iterations.forEach(i -> assertThat(i.get("events")).hasSize(1));

        assertError("events.debug_images", Map.of("metrics",
                List.of(Map.of("task", "0123456789abcdef0123456789abcdef"))), 400, 101);
        assertError("events.debug_images", Map.of(), 400, 12);
    }

    @Test
    void imageSampleShowsTheValidRangeAndNavigates() {
        String task = taskWithImages();

        JsonNode latest = ok("events.get_debug_image_sample", Map.of("task", task, "metric", "img",
                "variant", "cycled"));
        assertThat(latest.get("event").get("iter").asLong()).isEqualTo(7);
        assertThat(latest.get("min_iteration").asLong()).isEqualTo(5);
        assertThat(latest.get("max_iteration").asLong()).isEqualTo(7);

        JsonNode previousIteration = ok("events.next_debug_image_sample", Map.of("task", task,
                "scroll_id", latest.get("scroll_id").asText(), "next_iteration", true));
        assertThat(previousIteration.get("event").get("iter").asLong()).isEqualTo(6);
        assertThat(previousIteration.get("event").get("variant").asText()).isEqualTo("cycled");

        // in (iteration, variant) order the image before (6, cycled) is (5, plain)
        JsonNode previousImage = ok("events.next_debug_image_sample", Map.of("task", task,
                "scroll_id", previousIteration.get("scroll_id").asText()));
        assertThat(previousImage.get("event").get("iter").asLong()).isEqualTo(5);
        assertThat(previousImage.get("event").get("variant").asText()).isEqualTo("plain");
        assertThat(previousImage.get("min_iteration").asLong()).isZero();

        JsonNode nextImage = ok("events.next_debug_image_sample", Map.of("task", task,
                "scroll_id", previousImage.get("scroll_id").asText(), "navigate_earlier", false));
        assertThat(nextImage.get("event").get("iter").asLong()).isEqualTo(6);
        assertThat(nextImage.get("event").get("variant").asText()).isEqualTo("cycled");

        JsonNode overwritten = ok("events.get_debug_image_sample", Map.of("task", task, "metric", "img",
                "variant", "cycled", "iteration", 2));
        assertThat(overwritten.get("event").isNull()).isTrue();
        assertError("events.get_debug_image_sample", Map.of("task", task, "metric", "img"), 400, 12);
        assertError("events.next_debug_image_sample", Map.of("task", task), 400, 12);
    }

    private static Map<String, Object> with(Map<String, Object> request, String key, Object value) {
        Map<String, Object> copy = new java.util.LinkedHashMap<>(request);
        copy.put(key, value);
        return copy;
    }

    private static List<Long> iters(JsonNode iterations) {
        List<Long> values = new ArrayList<>();
        iterations.forEach(i -> values.add(i.get("iter").asLong()));
        return values;
    }
}
