package io.xstore.command.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xstore.api.AuditEntry;
import io.xstore.api.NewIds;
import io.xstore.api.model.AddOrUpdateModelMetadataCommand;
import io.xstore.api.model.ArchiveModelCommand;
import io.xstore.api.model.CreateModelCommand;
import io.xstore.api.model.DeleteModelWithLinksCommand;
import io.xstore.api.model.DeleteModelMetadataCommand;
import io.xstore.api.model.EditModelCommand;
import io.xstore.api.model.ModelFields;
import io.xstore.api.model.MoveModelCommand;
import io.xstore.api.model.PublishModelWithTaskCommand;
import io.xstore.api.model.UnarchiveModelCommand;
import io.xstore.api.model.UpdateModelCommand;
import io.xstore.api.model.UpdateModelTagsCommand;
import io.xstore.command.BatchResult;
import io.xstore.command.CommandErrors;
import io.xstore.command.project.ProjectCreation;
import io.xstore.command.task.StatusOutcome;
import io.xstore.command.task.TaskResponses;
import io.xstore.protocol.ApiEndpoint;
import io.xstore.protocol.ApiError;
import io.xstore.protocol.ApiException;
import io.xstore.protocol.CallContext;
import io.xstore.protocol.Fields;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The writing endpoints of the ClearML {@code models} service. */
@Component
public class ModelsWriteEndpoints {

    private final ModelCommands commands;
    private final ProjectCreation projects;
    private final ObjectProvider<ModelTaskLinks> taskLinks;

    public ModelsWriteEndpoints(ModelCommands commands, ProjectCreation projects,
                                ObjectProvider<ModelTaskLinks> taskLinks) {
        this.commands = commands;
        this.projects = projects;
        this.taskLinks = taskLinks;
    }

    @ApiEndpoint("models.create")
    public Object create(CallContext ctx) {
        ObjectNode body = ctx.body();
        Fields.requireString(body, "name");
        Fields.requireString(body, "uri");
        ModelFields fields = ModelRequests.fields(body, ModelRequests.EDITABLE);
        if (fields.ready() == null) {
            // the request's default is a ready model (docs/api/behaviour-rules.md §6)
            fields = fields.withReady(true);
        }
        requireTask(fields.task(), ctx.company());
        String id = NewIds.hex();
        commands.create(new CreateModelCommand(id, ctx.company(), fields, ctx.audit()));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("id", id);
        result.put("created", true);
        return result;
    }

    @ApiEndpoint("models.edit")
    public Object edit(CallContext ctx) {
        ObjectNode body = ctx.body();
        String id = Fields.requireString(body, "model");
        ModelFields fields = ModelRequests.fields(body, ModelRequests.EDITABLE);
        requireTask(fields.task(), ctx.company());
        Integer iteration = Fields.optInt(body, "iteration");
        String task = commands.send(id, new EditModelCommand(id, ctx.company(), fields, iteration, ctx.audit()));
        if (iteration != null && task != null) {
            links().reportIteration(task, iteration, ctx.audit());
        }
        return updated(ModelRequests.echo(body, ModelRequests.EDITABLE));
    }

    @ApiEndpoint("models.update")
    public Object update(CallContext ctx) {
        ObjectNode body = ctx.body();
        String id = Fields.requireString(body, "model");
        ModelFields fields = ModelRequests.fields(body, ModelRequests.USER_SETTABLE);
        commands.send(id, new UpdateModelCommand(id, ctx.company(), fields, ctx.audit()));
        String task = Fields.optString(body, "task");
        Integer iteration = Fields.optInt(body, "iteration");
        if (task != null && !task.isEmpty() && iteration != null) {
            // raises (never lowers) the task's last_iteration (docs/api/behaviour-rules.md §6)
            links().reportIteration(task, iteration, ctx.audit());
        }
        return updated(ModelRequests.echo(body, ModelRequests.USER_SETTABLE));
    }

    @ApiEndpoint("models.set_ready")
    public Object setReady(CallContext ctx) {
        ObjectNode body = ctx.body();
        return publish(Fields.requireString(body, "model"), ctx.company(), Fields.optBool(body, "publish_task", true),
                Fields.optBool(body, "force_publish_task", false), ctx.audit());
    }

    @ApiEndpoint("models.publish_many")
    public Object publishMany(CallContext ctx) {
        ObjectNode body = ctx.body();
        boolean publishTask = Fields.optBool(body, "publish_task", true);
        boolean force = Fields.optBool(body, "force_publish_task", false);
        return batch(ModelRequests.requireIds(body),
                id -> publish(id, ctx.company(), publishTask, force, ctx.audit()));
    }

    /** The model's task is published first (docs/api/behaviour-rules.md §6), in one command with the model. */
    private Map<String, Object> publish(String id, String company, boolean publishTask, boolean forceTask,
                                        AuditEntry audit) {
        ModelPublication publication = commands.send(id, new PublishModelWithTaskCommand(id, company, publishTask,
                forceTask, audit));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("updated", 1);
        StatusOutcome task = publication.taskPublished();
        if (task != null) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("updated", 1);
            data.put("fields", TaskResponses.statusFields(task.changes().get(task.changes().size() - 1)));
            result.put("published_task", Map.of("id", publication.taskId(), "data", data));
        }
        return result;
    }

    @ApiEndpoint("models.archive_many")
    public Object archiveMany(CallContext ctx) {
        return batch(ModelRequests.requireIds(ctx.body()), id -> Map.of("archived",
                commands.send(id, new ArchiveModelCommand(id, ctx.company(), ctx.audit()))));
    }

    @ApiEndpoint("models.unarchive_many")
    public Object unarchiveMany(CallContext ctx) {
        return batch(ModelRequests.requireIds(ctx.body()), id -> Map.of("unarchived",
                commands.send(id, new UnarchiveModelCommand(id, ctx.company(), ctx.audit()))));
    }

    @ApiEndpoint("models.delete")
    public Object delete(CallContext ctx) {
        String id = Fields.requireString(ctx.body(), "model");
        return deleteOne(id, ctx);
    }

    @ApiEndpoint("models.delete_many")
    public Object deleteMany(CallContext ctx) {
        return batch(ModelRequests.requireIds(ctx.body()), id -> deleteOne(id, ctx));
    }

    private Map<String, Object> deleteOne(String id, CallContext ctx) {
        String url = commands.send(id, new DeleteModelWithLinksCommand(id, ctx.company(),
                Fields.optBool(ctx.body(), "force", false), ctx.audit()));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("deleted", true);
        result.put("url", url);
        return result;
    }

    @ApiEndpoint("models.move")
    public Object move(CallContext ctx) {
        ObjectNode body = ctx.body();
        List<String> ids = ModelRequests.requireIds(body);
        String projectName = Fields.optString(body, "project_name");
        String project;
        if (body.has("project")) {
            project = Fields.optString(body, "project");
            project = project == null || project.isEmpty() ? null : project;
        } else if (projectName != null) {
            project = projects.findOrCreate(ctx.company(), projectName, ctx.audit());
        } else {
            throw ApiError.MISSING_REQUIRED_FIELDS.toException("project or project_name is required",
                    Map.of("fields", List.of("project", "project_name")));
        }
        for (String id : ids) {
            commands.send(id, new MoveModelCommand(id, ctx.company(), project, ctx.audit()));
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("project_id", project);
        return result;
    }

    @ApiEndpoint("models.update_tags")
    public Object updateTags(CallContext ctx) {
        ObjectNode body = ctx.body();
        List<String> add = ModelRequests.strings(body, "add_tags");
        List<String> remove = ModelRequests.strings(body, "remove_tags");
        int updated = 0;
        for (String id : ModelRequests.requireIds(body)) {
            try {
                Boolean changed = commands.send(id, new UpdateModelTagsCommand(id, ctx.company(), add, remove,
                        ctx.audit()));
                updated += Boolean.TRUE.equals(changed) ? 1 : 0;
            } catch (ApiException e) {
                if (e.subcode() != ApiError.INVALID_MODEL_ID.subcode()) {
                    throw e;
                }
            }
        }
        return Map.of("updated", updated);
    }

    @ApiEndpoint(value = "models.add_or_update_metadata", since = "2.13")
    public Object addOrUpdateMetadata(CallContext ctx) {
        ObjectNode body = ctx.body();
        String id = Fields.requireString(body, "model");
        Map<String, Object> metadata = ModelRequests.metadata(body.get("metadata"), "metadata");
        if (metadata == null) {
            throw ApiError.VALIDATION_ERROR.toException("field is required", Map.of("field", "metadata"));
        }
        commands.send(id, new AddOrUpdateModelMetadataCommand(id, ctx.company(), metadata,
                Fields.optBool(body, "replace_metadata", false), ctx.audit()));
        return Map.of("updated", 1);
    }

    @ApiEndpoint(value = "models.delete_metadata", since = "2.13")
    public Object deleteMetadata(CallContext ctx) {
        ObjectNode body = ctx.body();
        String id = Fields.requireString(body, "model");
        List<String> keys = ModelRequests.strings(body, "keys");
        if (keys == null) {
            throw ApiError.VALIDATION_ERROR.toException("field is required", Map.of("field", "keys"));
        }
        Boolean removed = commands.send(id, new DeleteModelMetadataCommand(id, ctx.company(), keys, ctx.audit()));
        return Map.of("updated", Boolean.TRUE.equals(removed) ? 1 : 0);
    }

    private static Map<String, Object> batch(List<String> ids, Function<String, Map<String, Object>> operation) {
        return BatchResult.run(ids, operation, CommandErrors::apiError);
    }

    private static Map<String, Object> updated(Map<String, Object> fields) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("updated", 1);
        result.put("fields", fields);
        return result;
    }

    private void requireTask(String task, String company) {
        if (task != null && !links().taskExists(task, company)) {
            throw ApiError.INVALID_TASK_ID.toException(Map.of("id", task));
        }
    }

    private ModelTaskLinks links() {
        return taskLinks.getIfAvailable(() -> ModelTaskLinks.NONE);
    }
}
