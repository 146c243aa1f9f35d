package io.xstore.api.task;

import io.xstore.api.AuditEntry;

import java.time.Instant;

/**
 * Status {@code from} → {@code to} (may be equal: e.g. an abort request only sets the message). {@code started},
 * {@code completed}, {@code published} are set when this change sets those times; {@code activeDuration} (seconds)
 * when it ends a run.
 */
public record TaskStatusChangedEvent(String taskId, TaskStatus from, TaskStatus to, String statusReason,
                                     String statusMessage, Instant started, Instant completed, Instant published,
                                     Long activeDuration, boolean forced, AuditEntry audit) {
}
