package io.xstore.server.history;

import com.fasterxml.jackson.databind.JsonNode;
import io.xstore.api.AuditEntry;
import io.xstore.api.metrics.MetricSummary;
import io.xstore.api.task.TaskContent;
import io.xstore.api.task.TaskCreatedEvent;
import io.xstore.api.task.TaskMetricsRecordedEvent;
import io.xstore.server.ApiClient;
import io.xstore.server.ServerTestSupport;
import io.xstore.server.auth.AuthProperties;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A long run's history (docs/api/history.md): 10,000 metric reports fold into one grouped entry, as_of folds them too,
 * and the next call resumes the kept fold instead of folding everything again. The events are appended to the store
 * as the task aggregate would append them. Prints the times (a measurement, with generous bounds for shared CI).
 */
class LongRunHistoryIT extends ServerTestSupport {

    private static final int REPORTS = 10_000;

    private final ApiClient api = new ApiClient(apiBaseUrl());

    @Autowired
    EventStore eventStore;

    @Test
    void tenThousandMetricReportsAreOneEntryAndFoldFast() {
        String task = UUID.randomUUID().toString().replace("-", "");
        Instant start = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        AuditEntry audit = new AuditEntry("u-long", "long runner", AuthProperties.DEFAULT_COMPANY_ID, start, "c0");
        List<EventMessage<?>> events = new ArrayList<>();
        events.add(new GenericDomainEventMessage<>("TaskAggregate", task, 0, new TaskCreatedEvent(task,
                TaskContent.none().withName("long run"), null, audit)));
        for (int i = 1; i <= REPORTS; i++) {
            MetricSummary loss = new MetricSummary("loss", "train", "h1", "h2", 1.0 / i, 1.0 / i, i, 1.0, 1, 1.0, 1,
                    i, 0.5, null);
            events.add(new GenericDomainEventMessage<>("TaskAggregate", task, i, new TaskMetricsRecordedEvent(task,
                    (long) i, List.of(loss), List.of(), new AuditEntry("u-long", "long runner",
                    AuthProperties.DEFAULT_COMPANY_ID, start.plusMillis(i), "c" + i))));
        }
        for (int from = 0; from < events.size(); from += 1_000) {
            eventStore.publish(events.subList(from, Math.min(events.size(), from + 1_000)));
        }

        long t0 = System.nanoTime();
        ApiClient.Reply history = api.call("/history.get_task", Map.of("task", task));
        long historyMs = (System.nanoTime() - t0) / 1_000_000;
        t0 = System.nanoTime();
        ApiClient.Reply past = api.call("/tasks.get_by_id", Map.of("task", task,
                "as_of", start.plusMillis(REPORTS / 2).toEpochMilli()));
        long asOfMs = (System.nanoTime() - t0) / 1_000_000;
        eventStore.publish(new GenericDomainEventMessage<>("TaskAggregate", task, REPORTS + 1,
                new TaskMetricsRecordedEvent(task, (long) REPORTS + 1, List.of(), List.of(), new AuditEntry("u-long",
                        "long runner", AuthProperties.DEFAULT_COMPANY_ID, start.plusMillis(REPORTS + 1), "last"))));
        t0 = System.nanoTime();
        ApiClient.Reply again = api.call("/history.get_task", Map.of("task", task));
        long againMs = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf("history of %d metric reports: %d ms; as_of: %d ms; again after one more: %d ms%n",
                REPORTS, historyMs, asOfMs, againMs);

        assertThat(history.status()).as(history.body().toString()).isEqualTo(200);
        JsonNode entries = history.data().get("entries");
        assertThat(entries).hasSize(2);
        assertThat(entries.get(0).get("count").asInt()).isEqualTo(REPORTS);
        assertThat(entries.get(0).get("description").asText())
                .isEqualTo("metrics reported 10000 times, iteration 0 → 10000");
        assertThat(past.data().get("task").get("last_iteration").asLong()).isEqualTo(REPORTS / 2);
        assertThat(again.data().get("entries").get(0).get("count").asInt()).isEqualTo(REPORTS + 1);
        // generous bounds: they catch a fold that went quadratic, not a slow machine (figures come from the bench)
        assertThat(historyMs).as("history of a long run, first call").isLessThan(90_000);
        assertThat(againMs).as("the next call resumes the kept fold").isLessThan(historyMs / 2 + 1_000);
    }
}
