package io.xstore.server.events;

import com.fasterxml.jackson.databind.JsonNode;
import io.xstore.readmodel.events.EventIndices;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TaskEventsReadIT extends AbstractEventsReadIT {

    private static final long T0 = 1_700_000_000_000L;

    @Test
    void scrollsThroughAllEventsUntilNothingIsReturned() {
        String task = createTask();
        String company = companyOf(task);
        List<Map<String, Object>> docs = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            docs.add(scalar(task, company, "loss", "train", i, i, T0 + i));
        }
        docs.add(log(task, company, T0, "info", "hello"));
        index(docs);

        JsonNode first = ok("events.get_task_events", Map.of("task", task, "batch_size", 10,
                "event_type", "training_stats_scalar"));
        assertThat(first.get("returned").asInt()).isEqualTo(10);
        assertThat(first.get("total").asInt()).isEqualTo(23);
        assertThat(first.get("events").get(0).get("iter").asLong()).isZero();
        assertThat(first.get("events").get(0).has("seq")).isFalse();

        List<Long> iters = new ArrayList<>();
        first.get("events").forEach(e -> iters.add(e.get("iter").asLong()));
        String scroll = first.get("scroll_id").asText();
        int calls = 0;
        while (true) {
            JsonNode page = ok("events.get_task_events", Map.of("task", task, "scroll_id", scroll));
            calls++;
            if (page.get("returned").asInt() == 0) {
                assertThat(page.get("events")).isEmpty();
                break;
            }
            page.get("events").forEach(e -> iters.add(e.get("iter").asLong()));
            scroll = page.get("scroll_id").asText();
        }
        assertThat(calls).isEqualTo(3);
        assertThat(iters).hasSize(23).isSorted().doesNotHaveDuplicates();

        JsonNode all = ok("events.get_task_events", Map.of("task", task, "order", "desc"));
        assertThat(all.get("total").asInt()).isEqualTo(24);
        assertThat(all.get("events").get(0).get("iter").asLong()).isEqualTo(22);
    }

    @Test
    void scrollIdIsBoundToItsTaskAndCannotBeForged() {
        String task = createTask();
        String other = createTask();
        index(List.of(scalar(task, companyOf(task), "loss", "train", 1, 1, T0)));
        String scroll = ok("events.get_task_events", Map.of("task", task, "batch_size", 1)).get("scroll_id").asText();

        assertError("events.get_task_events", Map.of("task", other, "scroll_id", scroll), 400, 1104);
        assertError("events.get_task_events", Map.of("task", task, "scroll_id", scroll + "x"), 400, 1104);
        assertError("events.get_task_events", Map.of("task", task, "scroll_id", "nonsense"), 400, 1104);
        assertError("events.get_task_events", Map.of("task", task, "event_type", "pictures"), 400, 12);
        assertError("events.get_task_events", Map.of("task", task, "batch_size", 0), 400, 12);
        assertThat(ok("events.clear_scroll", Map.of("scroll_id", scroll))).isEmpty();
    }

    @Test
    void modelEventsAreReadForModelIds() {
        String model = ok("models.create", Map.of("name", "events model", "uri", "file:///tmp/m.pt",
                "labels", Map.of())).get("id").asText();
        String company = ok("models.get_by_id", Map.of("model", model)).get("model").get("company").asText();
        Map<String, Object> event = scalar(model, company, "loss", "train", 5, 0.25, T0);
        event.put("model_event", true);
        index(List.of(event));

        JsonNode events = ok("events.get_task_events", Map.of("task", model, "model_events", true));
        assertThat(events.get("returned").asInt()).isEqualTo(1);
        assertThat(events.get("events").get(0).get("model_event").asBoolean()).isTrue();
        assertError("events.get_task_events", Map.of("task", model), 400, 101);
        assertError("events.get_task_events", Map.of("task", createTask(), "model_events", true), 400, 201);
        assertThat(ok("events.get_scalar_metrics_and_variants", Map.of("task", model, "model_events", true))
                .get("metrics").get("loss").get(0).asText()).isEqualTo("train");
        assertThat(ok("events.get_task_events", Map.of("task", createTask(),
                "event_type", EventIndices.PLOT)).get("returned").asInt()).isZero();
    }
}
