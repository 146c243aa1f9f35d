package io.xstore.readmodel.history;

import io.xstore.api.AuditEntry;
import io.xstore.api.task.TaskContent;
import io.xstore.api.task.TaskEditedEvent;
import io.xstore.api.task.TaskStatus;
import io.xstore.api.task.TaskStatusChangedEvent;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Kinds of history entries from event types (docs/api/history.md): a table, a default from the name, refinements. */
class HistoryKindsTest {

    private static final AuditEntry AUDIT = new AuditEntry("u1", "Jane", "c1", Instant.EPOCH, "call1");

    record TaskMovedEvent(String taskId, String project, AuditEntry audit) {
    }

    record CredentialsRevokedEvent(String userId, String accessKey, AuditEntry audit) {
    }

    record QueueTaskEnqueuedEvent(String queueId, String taskId, AuditEntry audit) {
    }

    record TaskSystemTagsChangedEvent(String taskId, List<String> systemTags, AuditEntry audit) {
    }

    record TaskStopRequestedEvent(String taskId, String reason, AuditEntry audit) {
    }

    @Test
    void typesNotInTheTableGetAKindFromTheirName() {
        assertEquals("stop_requested", HistoryKinds.of(new TaskStopRequestedEvent("t", "r", AUDIT)));
        assertEquals("tags_changed", HistoryKinds.of(new TaskSystemTagsChangedEvent("t", List.of(), AUDIT)));
        assertEquals("moved", HistoryKinds.of(new TaskMovedEvent("t", "p", AUDIT)));
        assertEquals("credentials_revoked", HistoryKinds.of(new CredentialsRevokedEvent("u", "k", AUDIT)));
        assertEquals("task_enqueued", HistoryKinds.of(new QueueTaskEnqueuedEvent("q", "t", AUDIT)));
        assertEquals("task", HistoryKinds.entityType("TaskAggregate"));
    }

    @Test
    void genericEditsAndStatusChangesAreRefinedFromTheirPayload() {
        assertEquals("moved", HistoryKinds.of(new TaskEditedEvent("t", TaskContent.none().withProject("p"), AUDIT)));
        assertEquals("renamed", HistoryKinds.of(new TaskEditedEvent("t", TaskContent.none().withName("n"), AUDIT)));
        assertEquals("tags_changed", HistoryKinds.of(new TaskEditedEvent("t",
                TaskContent.none().withTags(List.of("a")), AUDIT)));
        assertEquals("edited", HistoryKinds.of(new TaskEditedEvent("t",
                TaskContent.none().withName("n").withProject("p"), AUDIT)));
        assertEquals("started", HistoryKinds.of(new TaskStatusChangedEvent("t", TaskStatus.CREATED,
                TaskStatus.IN_PROGRESS, "", "", null, null, null, null, false, AUDIT)));
        assertEquals("metrics_reported", HistoryKinds.of(new io.xstore.api.task.TaskMetricsRecordedEvent(
                "t", 1L, List.of(), List.of(), AUDIT)));
    }

    @Test
    void theAuditIsFoundByTypeWhateverItsComponentIsCalled() {
        assertEquals("call1", EventAudit.of(new TaskMovedEvent("t", "p", AUDIT)).callId());
        assertEquals("c1", EventAudit.company(new CredentialsRevokedEvent("u", "k", AUDIT)));
    }
}
