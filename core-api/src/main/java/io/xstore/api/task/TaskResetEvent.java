package io.xstore.api.task;

import io.xstore.api.AuditEntry;

/**
 * The task went back to created ({@code from} was its status) and lost its run results; with {@code clearAll} also
 * execution and script.
 */
public record TaskResetEvent(String taskId, TaskStatus from, boolean clearAll, AuditEntry audit) {
}
