package io.xstore.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.xstore.readmodel.Collections;
import io.xstore.server.ServerTestSupport;
import io.xstore.server.watchdog.TaskWatchdog;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import static io.xstore.server.api.TestApi.body;
import static io.xstore.server.api.TestApi.unique;
import static org.assertj.core.api.Assertions.assertThat;

/** The watchdog stops a silent in_progress task with a reason, as a system actor's TaskStoppedEvent. */
class WatchdogIT extends ServerTestSupport {

    @Autowired
    private CommandGateway commands;

    @Test
    void aSilentRunningTaskIsStoppedWithItsReasonAndAHistoryEntry() throws InterruptedException {
        TestApi api = new TestApi(apiBaseUrl());
        String project = api.createProject(unique("watchdog"));
        String silent = api.createTask(unique("silent"), project);
        String alive = api.createTask(unique("alive"), project);
        api.ok("tasks.started", body("task", silent));
        api.ok("tasks.started", body("task", alive));
        TaskWatchdog shortTimeout = new TaskWatchdog(commands, mongoDatabase, Duration.ofSeconds(2),
                Duration.ofSeconds(1));

        Thread.sleep(2_500);
        api.ok("tasks.ping", body("task", alive));
        List<String> stopped = shortTimeout.stopSilent(Filters.eq("project", project));

        assertThat(stopped).containsExactly(silent);
        JsonNode task = api.task(silent);
        for (int i = 0; i < 50 && task.get("status").asText().equals("in_progress"); i++) {
            Thread.sleep(100);
            task = api.task(silent);
        }
        assertThat(task.get("status").asText()).isEqualTo("stopped");
        assertThat(task.get("status_reason").asText()).isEqualTo("Forced stop (non-responsive)");
        assertThat(task.get("status_message").asText()).contains("no update for");
        assertThat(api.task(alive).get("status").asText()).isEqualTo("in_progress");
        api.ok("tasks.stopped", body("task", alive, "force", true));
        // entries newest first (docs/api/history.md)
        JsonNode last = api.ok("history.get_task", body("task", silent)).get("entries").get(0);
        assertThat(last.get("kind").asText()).isEqualTo("stopped");
        assertThat(last.get("actor").get("id").asText()).isEqualTo("__system__");
        assertThat(last.get("description").asText()).contains("stopped");
        assertThat(last.get("changes").toString()).contains("Forced stop (non-responsive)");
    }

    @Test
    void theScheduledWatchdogOfTheServerStopsATaskSilentForLongerThanItsTimeout() throws InterruptedException {
        TestApi api = new TestApi(apiBaseUrl());
        String project = api.createProject(unique("watchdog"));
        String silent = api.createTask(unique("silent"), project);
        api.ok("tasks.started", body("task", silent));
        // as if the last update had been three hours ago (default timeout 7200 s; the test server checks every 1 s)
        mongoDatabase.getCollection(Collections.TASKS).updateOne(Filters.eq("_id", silent),
                Updates.set("last_update", Date.from(Instant.now().minus(Duration.ofHours(3)))));

        String status = "in_progress";
        for (int i = 0; i < 100 && status.equals("in_progress"); i++) {
            Thread.sleep(100);
            status = api.task(silent).get("status").asText();
        }
        assertThat(status).isEqualTo("stopped");
    }
}
