package io.xstore.readmodel.history;

import io.xstore.api.AuditEntry;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Kinds of history entries from event types (docs/api/history.md): a table, a default from the name, refinements.
 * The events are local records shaped like stored ones, so the test holds whatever the real event classes become.
 */
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

    record Content(String name, String project, List<String> tags, List<String> systemTags) {
    }

    record TaskEditedEvent(String taskId, Content changes, AuditEntry audit) {
    }

    record TaskStatusChangedEvent(String taskId, String from, String to, AuditEntry audit) {
    }

    record TaskMetricsRecordedEvent(String taskId, Long lastIteration, AuditEntry audit) {
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
        assertEquals("moved", HistoryKinds.of(new TaskEditedEvent("t", new Content(null, "p", null, null), AUDIT)));
        assertEquals("renamed", HistoryKinds.of(new TaskEditedEvent("t", new Content("n", null, null, null),
                AUDIT)));
        assertEquals("tags_changed", HistoryKinds.of(new TaskEditedEvent("t",
                new Content(null, null, List.of("a"), List.of()), AUDIT)));
        assertEquals("edited", HistoryKinds.of(new TaskEditedEvent("t", new Content("n", "p", null, null), AUDIT)));
        assertEquals("started", HistoryKinds.of(new TaskStatusChangedEvent("t", "CREATED", "IN_PROGRESS", AUDIT)));
        assertEquals("status_message_changed", HistoryKinds.of(new TaskStatusChangedEvent("t", "IN_PROGRESS",
                "IN_PROGRESS", AUDIT)));
        assertEquals("metrics_reported", HistoryKinds.of(new TaskMetricsRecordedEvent("t", 1L, AUDIT)));
        assertEquals(true, HistoryKinds.isProgress("metrics_reported"));
    }

    @Test
    void theAuditIsFoundByTypeWhateverItsComponentIsCalled() {
        assertEquals("call1", EventAudit.of(new TaskMovedEvent("t", "p", AUDIT)).callId());
        assertEquals("c1", EventAudit.company(new CredentialsRevokedEvent("u", "k", AUDIT)));
    }
}
