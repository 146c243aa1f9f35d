package io.xstore.server.files;

import java.util.List;

import io.xstore.api.model.ModelDeletedEvent;
import io.xstore.api.task.TaskDeletedEvent;
import io.xstore.api.task.TaskOutputFilesReleasedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Deleting a task or a model deletes its files: its artifacts and debug images, its weights; a reset deletes the
 * files of the output artifacts it dropped. A processing group of its own that must
 * start at the head of the event store and never replay (a rebuild of the read models must not delete anything
 * again); {@link DisallowReplay} keeps replays out even if the group ends up in a processor that is reset.
 */
@Component
@ProcessingGroup(FileCleanupEvents.PROCESSING_GROUP)
@DisallowReplay
public class FileCleanupEvents {

    public static final String PROCESSING_GROUP = "file-cleanup";

    private final FileCleanup cleanup;

    public FileCleanupEvents(FileCleanup cleanup) {
        this.cleanup = cleanup;
    }

    @EventHandler
    void on(TaskDeletedEvent event) {
        cleanup.schedule("task", event.taskId(), event.audit().companyId(), event.fileUrls());
    }

    @EventHandler
    void on(TaskOutputFilesReleasedEvent event) {
        cleanup.schedule("task", event.taskId(), event.audit().companyId(), event.fileUrls());
    }

    @EventHandler
    void on(ModelDeletedEvent event) {
        if (event.uri() != null && !event.uri().isBlank()) {
            cleanup.schedule("model", event.modelId(), event.audit().companyId(), List.of(event.uri()));
        }
    }
}
