package io.xstore.api.task;

import io.xstore.api.AuditEntry;

/**
 * The status was set directly to {@code to} (an edit of the status, or archiving a queued task), outside the run's
 * own lifecycle: no run times are set.
 */
public record TaskStatusSetEvent(String taskId, TaskStatus from, TaskStatus to, String statusReason,
                                 String statusMessage, long activeDuration, boolean forced, AuditEntry audit)
        implements TaskStatusEvent {
}
