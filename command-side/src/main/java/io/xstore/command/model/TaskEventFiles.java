package io.xstore.command.model;

import java.util.List;

/**
 * The files a task's metric events point at (its debug images), which a task delete reports as {@code event_urls}
 * and deletes with its artifacts (docs/api/behaviour-rules.md §4). Read from the event indices, outside the write
 * side.
 */
public interface TaskEventFiles {

    /** Distinct URLs of the task's debug images, in the company's event indices. */
    List<String> urlsOf(String taskId, String company);

    TaskEventFiles NONE = (taskId, company) -> List.of();
}
