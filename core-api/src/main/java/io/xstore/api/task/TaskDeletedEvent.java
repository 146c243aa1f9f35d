package io.xstore.api.task;

import java.util.List;

import io.xstore.api.AuditEntry;

/**
 * The task was deleted (in status {@code status}); children keep a {@code __DELETED__<id>} parent.
 * {@code fileUrls} are the locations of its artifacts, whose files go with it; events stored before the field
 * existed read as an empty list.
 */
public record TaskDeletedEvent(String taskId, TaskStatus status, List<String> fileUrls, AuditEntry audit) {

    public TaskDeletedEvent {
        fileUrls = fileUrls == null ? List.of() : List.copyOf(fileUrls);
    }
}
