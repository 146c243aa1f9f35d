package io.xstore.bench;

import io.xstore.api.AuditEntry;
import io.xstore.api.metrics.EventTypeActivity;
import io.xstore.api.metrics.MetricSummary;
import io.xstore.api.task.TaskContent;
import io.xstore.api.task.TaskCreatedEvent;
import io.xstore.api.task.TaskIterationReportedEvent;
import io.xstore.api.task.TaskMetricsRecordedEvent;
import io.xstore.api.task.TaskStatus;
import io.xstore.api.task.TaskCommentChangedEvent;
import io.xstore.api.task.TaskCompletedEvent;
import io.xstore.api.task.TaskStartedEvent;
import io.xstore.api.task.TaskTagsChangedEvent;
import io.xstore.command.eventstore.FileEventStorageEngine;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Task histories as the ClearML SDK leaves them, appended straight to the event store (the aggregates' own events,
 * without the API in front, so that a store of 100k events is written in seconds): each task is created, edited
 * (the SDK's script and hyper-parameters), started, reports its metrics summary and iteration several times while it
 * runs, and is completed. {@code sessions} tasks run at once, their events interleaved as concurrent sessions would
 * write them. The tasks are new: no command of the bench touches them afterwards.
 */
final class TaskHistories {

    static final String AGGREGATE_TYPE = "TaskAggregate";
    /** Metrics summaries per task, each followed by an iteration report every other time. */
    static final int METRIC_REPORTS = 6;
    static final int EVENTS_PER_TASK = 4 + METRIC_REPORTS + METRIC_REPORTS / 2 + 1;

    private final String company;
    private final String user;
    private final String project;

    TaskHistories(String company, String user, String project) {
        this.company = company;
        this.user = user;
        this.project = project;
    }

    /** Appends about {@code events} events (whole histories, {@value #EVENTS_PER_TASK} each); returns the count. */
    long append(FileEventStorageEngine engine, long events, int sessions) {
        int tasks = Math.toIntExact(Math.max(1, events / EVENTS_PER_TASK));
        Instant start = Instant.now().minusSeconds(86_400);
        long appended = 0;
        for (int first = 0; first < tasks; first += sessions) {
            int wave = Math.min(sessions, tasks - first);
            List<List<DomainEventMessage<?>>> histories = new ArrayList<>(wave);
            for (int i = 0; i < wave; i++) {
                histories.add(history("bench-history-" + UUID.randomUUID().toString().replace("-", ""),
                        first + i, start.plusSeconds(first + i)));
            }
            List<EventMessage<?>> interleaved = new ArrayList<>(wave * EVENTS_PER_TASK);
            for (int step = 0; step < EVENTS_PER_TASK; step++) {
                for (List<DomainEventMessage<?>> history : histories) {
                    interleaved.add(history.get(step));
                }
            }
            engine.appendEvents(interleaved);
            appended += interleaved.size();
        }
        return appended;
    }

    /** The only aggregate-lifecycle step this needs: a task created and then only reporting metrics. */
    List<DomainEventMessage<?>> createdThenMetrics(String taskId, int metricEvents, Instant at) {
        List<DomainEventMessage<?>> events = new ArrayList<>(metricEvents + 1);
        events.add(message(taskId, 0, new TaskCreatedEvent(taskId, content(taskId), null, audit(at)), at));
        for (int i = 1; i <= metricEvents; i++) {
            Instant when = at.plusMillis(i);
            events.add(message(taskId, i, metrics(taskId, i, when), when));
        }
        return events;
    }

    private List<DomainEventMessage<?>> history(String taskId, int n, Instant at) {
        List<DomainEventMessage<?>> events = new ArrayList<>(EVENTS_PER_TASK);
        long seq = 0;
        events.add(message(taskId, seq++, new TaskCreatedEvent(taskId, content(taskId), null, audit(at)), at));
        Instant edited = at.plusMillis(200);
        events.add(message(taskId, seq++, new TaskCommentChangedEvent(taskId,
                "Auto-generated at " + edited + " by bench", audit(edited)), edited));
        events.add(message(taskId, seq++, new TaskTagsChangedEvent(taskId, List.of("bench", "run-" + (n % 7)),
                audit(edited)), edited));
        Instant started = at.plusSeconds(1);
        events.add(message(taskId, seq++, new TaskStartedEvent(taskId, TaskStatus.CREATED, "", "", false,
                audit(started)), started));
        for (int report = 1; report <= METRIC_REPORTS; report++) {
            Instant when = started.plusSeconds(10L * report);
            events.add(message(taskId, seq++, metrics(taskId, report * 100, when), when));
            if (report % 2 == 0) {
                events.add(message(taskId, seq++, new TaskIterationReportedEvent(taskId, report * 100,
                        audit(when.plusMillis(5))), when.plusMillis(5)));
            }
        }
        Instant completed = started.plusSeconds(10L * METRIC_REPORTS + 5);
        events.add(message(taskId, seq, new TaskCompletedEvent(taskId, TaskStatus.IN_PROGRESS, "completed", "",
                (completed.toEpochMilli() - started.toEpochMilli()) / 1000, false, audit(completed)), completed));
        return events;
    }

    private TaskContent content(String taskId) {
        return new TaskContent("history " + taskId.substring(taskId.length() - 8), "training", "", project, null,
                List.of(), List.of("development"),
                Map.of("repository", "https://github.com/example/train.git", "branch", "main",
                        "entry_point", "train.py", "working_dir", "."),
                null,
                Map.of("Args", Map.of("lr", Map.of("section", "Args", "name", "lr", "value", "0.01", "type", "float"),
                        "epochs", Map.of("section", "Args", "name", "epochs", "value", "10", "type", "int"))),
                null, null, null, null, null);
    }

    private TaskMetricsRecordedEvent metrics(String taskId, long iteration, Instant at) {
        List<MetricSummary> summaries = new ArrayList<>();
        List<EventTypeActivity> activity = new ArrayList<>();
        for (String metric : List.of("loss", "accuracy")) {
            String metricHash = Integer.toHexString(metric.hashCode());
            for (String variant : List.of("train", "validation")) {
                double value = 1.0 / (1 + iteration) + variant.length();
                summaries.add(new MetricSummary(metric, variant, metricHash, Integer.toHexString(variant.hashCode()),
                        value, value, iteration, 2.0, 0, 2.0, 0, iteration, value * 1.5, null));
            }
            activity.add(new EventTypeActivity(metric, metricHash, "training_stats_scalar", at.toEpochMilli()));
        }
        return new TaskMetricsRecordedEvent(taskId, iteration, summaries, activity, audit(at));
    }

    private AuditEntry audit(Instant at) {
        return new AuditEntry(user, "bench", company, at, "bench-" + at.toEpochMilli());
    }

    private static DomainEventMessage<?> message(String taskId, long sequence, Object payload, Instant at) {
        return new GenericDomainEventMessage<>(AGGREGATE_TYPE, taskId, sequence, payload, MetaData.emptyInstance(),
                UUID.randomUUID().toString(), at);
    }
}
