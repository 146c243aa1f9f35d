package io.xstore.api.task;

import io.xstore.api.AuditEntry;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * tasks.delete / delete_many: only created or archived tasks unless force. With {@code deleteExternalArtifacts}
 * the files of the task's output artifacts and {@code eventFileUrls} (its debug images) are deleted too.
 */
public record DeleteTaskCommand(@TargetAggregateIdentifier String taskId, boolean force,
                                boolean deleteExternalArtifacts, List<String> eventFileUrls, AuditEntry audit) {

    public DeleteTaskCommand {
        eventFileUrls = eventFileUrls == null ? List.of() : List.copyOf(eventFileUrls);
    }

    public DeleteTaskCommand(String taskId, boolean force, boolean deleteExternalArtifacts, AuditEntry audit) {
        this(taskId, force, deleteExternalArtifacts, List.of(), audit);
    }
}
