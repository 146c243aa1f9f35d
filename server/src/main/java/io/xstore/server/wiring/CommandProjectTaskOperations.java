package io.xstore.server.wiring;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import io.xstore.api.AuditEntry;
import io.xstore.api.task.DeleteTaskCommand;
import io.xstore.command.model.TaskEventFiles;
import io.xstore.api.task.MoveTaskCommand;
import io.xstore.command.project.ProjectTaskOperations;
import io.xstore.protocol.ApiException;
import io.xstore.readmodel.Collections;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Project merge and delete acting on tasks through the task commands. A task that vanished in the meantime (400/101)
 * is skipped; any other refusal stops the operation. Deleted tasks report the URIs of their output artifacts (read
 * before deletion); their events and models are handled by their own services.
 */
@Component
public class CommandProjectTaskOperations implements ProjectTaskOperations {

    private final TaskCommands commands;
    private final MongoCollection<Document> tasks;
    private final TaskEventFiles eventFiles;

    public CommandProjectTaskOperations(TaskCommands commands, MongoDatabase database, TaskEventFiles eventFiles) {
        this.commands = commands;
        this.eventFiles = eventFiles;
        this.tasks = database.getCollection(Collections.TASKS);
    }

    @Override
    public int moveTasks(List<String> taskIds, String projectId, AuditEntry audit) {
        int moved = 0;
        for (String taskId : taskIds) {
            if (sendUnlessGone(taskId, new MoveTaskCommand(taskId, projectId, audit), audit)) {
                moved++;
            }
        }
        return moved;
    }

    @Override
    public DeletedTasks deleteTasks(List<String> taskIds, boolean deleteExternalArtifacts, AuditEntry audit) {
        int deleted = 0;
        List<String> artifactUrls = new ArrayList<>();
        List<String> eventUrls = new ArrayList<>();
        for (String taskId : taskIds) {
            List<String> urls = artifactUris(taskId);
            List<String> images = eventFiles.urlsOf(taskId, audit.companyId());
            if (sendUnlessGone(taskId, new DeleteTaskCommand(taskId, true, true, images, audit), audit)) {
                deleted++;
                artifactUrls.addAll(urls);
                eventUrls.addAll(images);
            }
        }
        return new DeletedTasks(deleted, List.of(), eventUrls, artifactUrls);
    }

    private boolean sendUnlessGone(String taskId, Object command, AuditEntry audit) {
        try {
            commands.send(taskId, command, audit);
            return true;
        } catch (ApiException e) {
            if (TaskCommands.isInvalidTaskId(e)) {
                return false;
            }
            throw e;
        }
    }

    private List<String> artifactUris(String taskId) {
        Document task = tasks.find(Filters.eq("_id", taskId)).projection(Projections.include("execution.artifacts"))
                .first();
        List<String> uris = new ArrayList<>();
        if (task != null && task.get("execution") instanceof Document execution
                && execution.get("artifacts") instanceof List<?> artifacts) {
            for (Object artifact : artifacts) {
                // only output artifacts go with the task (docs/api/behaviour-rules.md §4)
                if (artifact instanceof Document a && !"input".equals(a.get("mode"))
                        && a.get("uri") instanceof String uri && !uri.isEmpty()) {
                    uris.add(uri);
                }
            }
        }
        return uris;
    }
}
