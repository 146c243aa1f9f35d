package io.xstore.server.history;

import com.fasterxml.jackson.databind.JsonNode;
import io.xstore.server.ApiClient;
import io.xstore.server.ServerTestSupport;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class HistoryIT extends ServerTestSupport {

    private final ApiClient api = new ApiClient(apiBaseUrl());

    @Test
    void aTasksHistoryListsEveryChangeInOrderWithWhoAndWhichCall() {
        String task = api.call("/tasks.create", Map.of("name", "history " + UUID.randomUUID(), "type", "training"))
                .data().get("id").asText();
        api.call("/tasks.edit", Map.of("task", task, "comment", "tuned"));
        String startCall = api.call("/tasks.started", Map.of("task", task)).meta().get("id").asText();
        api.call("/tasks.completed", Map.of("task", task));

        JsonNode events = api.call("/history.get_task", Map.of("task", task)).data().get("events");

        List<String> names = new ArrayList<>();
        events.forEach(e -> names.add(e.get("event").asText()));
        assertThat(names).startsWith("TaskCreatedEvent").hasSize(4);
        assertThat(events.get(2).get("call_id").asText()).isEqualTo(startCall);
        assertThat(events.get(2).get("user_name").asText()).isEqualTo("tests");
        assertThat(events.get(2).get("change").get("to").asText()).isEqualToIgnoringCase("in_progress");
    }

    @Test
    void aModelIdIsNotATaskHistory() {
        String model = api.call("/models.create", Map.of("name", "history model", "uri", "file:///m"))
                .data().get("id").asText();

        ApiClient.Reply reply = api.call("/history.get_task", Map.of("task", model));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.subcode()).isEqualTo(101);
    }
}
