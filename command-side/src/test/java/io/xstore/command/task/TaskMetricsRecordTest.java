package io.xstore.command.task;

import io.xstore.api.AuditEntry;
import io.xstore.api.metrics.EventTypeActivity;
import io.xstore.api.metrics.MetricSummary;
import io.xstore.api.task.RecordTaskMetricsCommand;
import io.xstore.api.task.TaskMetricsRecordedEvent;
import io.xstore.api.task.TaskResetEvent;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.xstore.api.task.TaskStatus.COMPLETED;
import static io.xstore.api.task.TaskStatus.CREATED;
import static io.xstore.api.task.TaskStatus.IN_PROGRESS;
import static io.xstore.api.task.TaskStatus.PUBLISHED;
import static io.xstore.command.task.TaskFixtures.apiError;
import static io.xstore.command.task.TaskTestData.LATER;
import static io.xstore.command.task.TaskTestData.OTHER_COMPANY;
import static io.xstore.command.task.TaskTestData.TASK;
import static io.xstore.command.task.TaskTestData.created;
import static io.xstore.command.task.TaskTestData.statusChanged;

class TaskMetricsRecordTest {

    private static final MetricSummary LOSS = new MetricSummary("loss", "train", "mh", "vh", 0.25, 0.1, 7, 2.3, 0,
            2.3, 0, 11, 0.87, null);
    private static final List<EventTypeActivity> ACTIVITY =
            List.of(new EventTypeActivity("loss", "mh", "training_stats_scalar", 1_700_000_000_000L));

    private FixtureConfiguration<TaskAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = TaskFixtures.fixture();
    }

    @Test
    void metricProgressOfARunningTaskIsRecorded() {
        fixture.given(created(), statusChanged(CREATED, IN_PROGRESS))
                .when(new RecordTaskMetricsCommand(TASK, 10L, List.of(LOSS), ACTIVITY, LATER))
                .expectEvents(new TaskMetricsRecordedEvent(TASK, 10L, List.of(LOSS), ACTIVITY, LATER));
    }

    @Test
    void metricsArriveEvenAfterTheTaskFinished() {
        fixture.given(created(), statusChanged(CREATED, COMPLETED), statusChanged(COMPLETED, PUBLISHED))
                .when(new RecordTaskMetricsCommand(TASK, 10L, List.of(LOSS), ACTIVITY, LATER))
                .expectEvents(new TaskMetricsRecordedEvent(TASK, 10L, List.of(LOSS), ACTIVITY, LATER));
    }

    @Test
    void nothingNewRecordsNothing() {
        fixture.given(created())
                .when(new RecordTaskMetricsCommand(TASK, null, List.of(), List.of(), LATER))
                .expectNoEvents();
    }

    @Test
    void metricsOfARunThatWasResetAreDropped() {
        AuditEntry before = new AuditEntry("user1", "Jane", LATER.companyId(), LATER.at().minusSeconds(5), "old");
        fixture.given(created(), statusChanged(CREATED, IN_PROGRESS),
                        new TaskResetEvent(TASK, IN_PROGRESS, false, LATER))
                .when(new RecordTaskMetricsCommand(TASK, 10L, List.of(LOSS), ACTIVITY, before))
                .expectNoEvents();
    }

    @Test
    void anotherCompanysTaskIsNotFound() {
        fixture.given(created())
                .when(new RecordTaskMetricsCommand(TASK, 1L, List.of(LOSS), ACTIVITY, OTHER_COMPANY))
                .expectException(apiError(400, 101));
    }
}
