package io.xstore.server.wiring;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import io.xstore.api.AuditEntry;
import io.xstore.api.task.AddOrUpdateTaskModelCommand;
import io.xstore.api.task.ReportTaskIterationCommand;
import io.xstore.command.model.ModelTaskLinks;
import io.xstore.protocol.ApiException;
import io.xstore.readmodel.Collections;
import io.xstore.readmodel.OwnedDocuments;
import io.xstore.readmodel.Ownership;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The model endpoints' view of tasks: existence from the {@code tasks} read model, changes through the task
 * commands.
 */
@Component
public class TaskLinksForModels implements ModelTaskLinks {

    /** The entry name of a legacy output model whose request named none. */
    static final String DEFAULT_OUTPUT_NAME = "Output Model";

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
    public SourceTask sourceTask(String taskId, String company) {
        Document task = OwnedDocuments.byId(tasks, taskId, Ownership.company(company), Projections.include(
                "name", "status", "project", "execution.framework", "execution.model_labels", "configuration",
                "models"));
        if (task == null) {
            return null;
        }
        Document execution = task.get("execution") instanceof Document e ? e : new Document();
        Map<String, Object> design = new LinkedHashMap<>();
        if (task.get("configuration") instanceof Document configuration) {
            configuration.values().forEach(item -> {
                if (item instanceof Document d && "legacy".equals(d.get("type"))) {
                    design.put(String.valueOf(d.get("name")), d.get("value"));
                }
            });
        }
        Map<String, Object> labels = execution.get("model_labels") instanceof Document l
                ? new LinkedHashMap<>(l) : null;
        Document models = task.get("models") instanceof Document m ? m : new Document();
        return new SourceTask(taskId, task.getString("name"), task.getString("status"),
                task.get("project") instanceof String p && !p.isEmpty() ? p : null,
                execution.get("framework") instanceof String f ? f : null, design.isEmpty() ? null : design,
                labels, modelAt(models.get("input"), true), modelAt(models.get("output"), false));
    }

    private static String modelAt(Object entries, boolean first) {
        if (entries instanceof List<?> list && !list.isEmpty()
                && list.get(first ? 0 : list.size() - 1) instanceof Document entry
                && entry.get("model") instanceof String model && !model.isEmpty()) {
            return model;
        }
        return null;
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

}
