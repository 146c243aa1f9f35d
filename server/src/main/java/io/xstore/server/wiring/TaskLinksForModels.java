package io.xstore.server.wiring;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import io.xstore.api.AuditEntry;
import io.xstore.api.task.AddOrUpdateTaskModelCommand;
import io.xstore.api.task.PublishTaskCommand;
import io.xstore.api.task.ReportTaskIterationCommand;
import io.xstore.api.task.TaskStatusEvent;
import io.xstore.command.model.ModelTaskLinks;
import io.xstore.command.task.StatusOutcome;
import io.xstore.protocol.ApiException;
import io.xstore.protocol.WireDates;
import io.xstore.readmodel.Collections;
import io.xstore.readmodel.OwnedDocuments;
import io.xstore.readmodel.Ownership;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The model endpoints' view of tasks: existence from the {@code tasks} read model, changes through the task
 * commands.
 */
@Component
public class TaskLinksForModels implements ModelTaskLinks {

    /** The entry name of a legacy output model whose request named none. */
    static final String DEFAULT_OUTPUT_NAME = "Output Model";
    private static final Set<String> PUBLISHABLE = Set.of("stopped", "completed");

    private final TaskCommands commands;
    private final MongoCollection<Document> tasks;

    public TaskLinksForModels(TaskCommands commands, MongoDatabase database) {
        this.commands = commands;
        this.tasks = database.getCollection(Collections.TASKS);
    }

    /** Public tasks (company "") count: a model may name one as its creating task. */
    @Override
    public boolean taskExists(String taskId, String company) {
        return OwnedDocuments.byId(tasks, taskId, Ownership.companyOrPublic(company),
                Projections.include("_id")) != null;
    }

    @Override
    public Map<String, Object> publishTask(String taskId, boolean force, AuditEntry audit) {
        Document task = OwnedDocuments.byId(tasks, taskId, Ownership.company(audit.companyId()),
                Projections.include("status"));
        if (task == null) {
            return null;
        }
        String status = task.getString("status");
        if ("published".equals(status) || !(force || PUBLISHABLE.contains(status))) {
            return null;
        }
        StatusOutcome outcome = commands.send(taskId, new PublishTaskCommand(taskId, force, null, null, audit), audit);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("updated", 1);
        result.put("fields", statusFields(outcome.changes().get(outcome.changes().size() - 1)));
        return result;
    }

    /** A task that is gone (or not the caller's) has no iteration to raise, as in ClearML. */
    @Override
    public void reportIteration(String taskId, int iteration, AuditEntry audit) {
        try {
            commands.send(taskId, new ReportTaskIterationCommand(taskId, iteration, audit), audit);
        } catch (ApiException e) {
            if (!TaskCommands.isInvalidTaskId(e)) {
                throw e;
            }
        }
    }

    @Override
    public void attachOutputModel(String taskId, String modelId, String modelName, AuditEntry audit) {
        String entry = modelName == null || modelName.isBlank() ? DEFAULT_OUTPUT_NAME : modelName;
        commands.send(taskId, new AddOrUpdateTaskModelCommand(taskId, "output", entry, modelId, null, audit), audit);
    }

    private static Map<String, Object> statusFields(TaskStatusEvent change) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("status", change.to().wire());
        fields.put("status_reason", change.statusReason());
        fields.put("status_message", change.statusMessage());
        String at = WireDates.format(change.audit().at());
        fields.put("status_changed", at);
        if (change.setsPublished()) {
            fields.put("published", at);
        }
        fields.put("last_update", at);
        fields.put("last_change", at);
        fields.put("last_changed_by", change.audit().userId());
        return fields;
    }
}
