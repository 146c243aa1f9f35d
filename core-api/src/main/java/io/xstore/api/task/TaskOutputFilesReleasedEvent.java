package io.xstore.api.task;

import io.xstore.api.AuditEntry;

import java.util.List;

/**
 * A reset dropped the task's output artifacts: the files behind their URIs are no longer the task's and are deleted
 * from the file server (docs/api/behaviour-rules.md §4, reset).
 */
public record TaskOutputFilesReleasedEvent(String taskId, List<String> fileUrls, AuditEntry audit) {

    public TaskOutputFilesReleasedEvent {
        fileUrls = fileUrls == null ? List.of() : List.copyOf(fileUrls);
    }
}
