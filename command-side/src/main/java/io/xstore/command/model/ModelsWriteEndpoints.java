package io.xstore.command.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xstore.api.AuditEntry;
import io.xstore.api.model.AddOrUpdateModelMetadataCommand;
import io.xstore.api.model.ArchiveModelCommand;
import io.xstore.api.model.CreateModelCommand;
import io.xstore.api.model.DeleteModelCommand;
import io.xstore.api.model.DeleteModelMetadataCommand;
import io.xstore.api.model.EditModelCommand;
import io.xstore.api.model.ModelFields;
import io.xstore.api.model.MoveModelCommand;
import io.xstore.api.model.PublishModelCommand;
import io.xstore.api.model.UnarchiveModelCommand;
import io.xstore.api.model.UpdateModelCommand;
import io.xstore.api.model.UpdateModelTagsCommand;
import io.xstore.command.BatchResult;
import io.xstore.command.CommandErrors;
import io.xstore.command.project.ProjectCreation;
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
import java.util.UUID;
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
        requireTask(fields.task(), ctx.company());
        String id = UUID.randomUUID().toString().replace("-", "");
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

    private Map<String, Object> publish(String id, String company, boolean publishTask, boolean forceTask,
                                        AuditEntry audit) {
        String task = commands.send(id, new PublishModelCommand(id, company, audit));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("updated", 1);
        if (publishTask && task != null) {
            Map<String, Object> published = links().publishTask(task, forceTask, audit);
            if (published != null) {
                result.put("published_task", Map.of("id", task, "data", published));
            }
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
        String url = commands.send(id, new DeleteModelCommand(id, ctx.company(), ctx.audit()));
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

    /** Legacy (API < 2.13) output-model registration for a task: creates or overrides a model and attaches it. */
    @ApiEndpoint("models.update_for_task")
    public Object updateForTask(CallContext ctx) {
        ObjectNode body = ctx.body();
        String task = Fields.requireString(body, "task");
        requireTask(task, ctx.company());
        String overrideId = Fields.optString(body, "override_model_id");
        String name = Fields.optString(body, "name");
        ModelFields fields = new ModelFields(name, Fields.optString(body, "uri"), null, null, null,
                Fields.optString(body, "comment"), ModelRequests.strings(body, "tags"), null, task, null, null, null,
                null, null, null);
        String id;
        boolean created;
        if (overrideId != null && !overrideId.isEmpty()) {
            commands.send(overrideId, new EditModelCommand(overrideId, ctx.company(), fields, null, ctx.audit()));
            id = overrideId;
            created = false;
        } else {
            if (fields.uri() == null || fields.uri().isEmpty()) {
                throw ApiError.VALIDATION_ERROR.toException("uri is required when no override_model_id is given",
                        Map.of("field", "uri"));
            }
            id = UUID.randomUUID().toString().replace("-", "");
            ModelFields newModel = new ModelFields(name != null ? name : "Output model of task " + task,
                    fields.uri(), null, null, null, fields.comment(), fields.tags(), null, task, null, null, null,
                    null, null, null);
            commands.create(new CreateModelCommand(id, ctx.company(), newModel, ctx.audit()));
            created = true;
        }
        links().attachOutputModel(task, id, name, ctx.audit());
        Integer iteration = Fields.optInt(body, "iteration");
        if (iteration != null) {
            links().reportIteration(task, iteration, ctx.audit());
        }
        return Map.of("id", id, "created", created);
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
