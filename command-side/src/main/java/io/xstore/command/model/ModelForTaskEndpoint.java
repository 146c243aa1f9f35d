package io.xstore.command.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xstore.api.NewIds;
import io.xstore.api.model.CreateModelCommand;
import io.xstore.api.model.EditModelCommand;
import io.xstore.api.model.ModelFields;
import io.xstore.protocol.ApiEndpoint;
import io.xstore.protocol.ApiError;
import io.xstore.protocol.CallContext;
import io.xstore.protocol.Fields;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code models.update_for_task}, the output-model registration of API versions up to 2.13 (docs/api/models.md and
 * docs/api/behaviour-rules.md §6; refused above 2.13, see docs/api/versions.md): exactly one of {@code uri} and
 * {@code override_model_id}; the task must be {@code created} or {@code in_progress}. Without an override, the
 * task's current output model is updated, or else a new model is made from the task.
 */
@Component
public class ModelForTaskEndpoint {

    private static final Set<String> WRITABLE = Set.of("created", "in_progress");

    private final ModelCommands commands;
    private final ObjectProvider<ModelTaskLinks> taskLinks;

    public ModelForTaskEndpoint(ModelCommands commands, ObjectProvider<ModelTaskLinks> taskLinks) {
        this.commands = commands;
        this.taskLinks = taskLinks;
    }

    @ApiEndpoint("models.update_for_task")
    public Object updateForTask(CallContext ctx) {
        ObjectNode body = ctx.body();
        String taskId = Fields.requireString(body, "task");
        String uri = Fields.optString(body, "uri");
        String overrideId = Fields.optString(body, "override_model_id");
        boolean hasUri = uri != null && !uri.isEmpty();
        boolean hasOverride = overrideId != null && !overrideId.isEmpty();
        if (hasUri == hasOverride) {
            throw ApiError.MISSING_REQUIRED_FIELDS.toException("exactly one field is required",
                    Map.of("fields", List.of("uri", "override_model_id")));
        }
        ModelTaskLinks links = taskLinks.getIfAvailable(() -> ModelTaskLinks.NONE);
        ModelTaskLinks.SourceTask task = links.sourceTask(taskId, ctx.company());
        if (task == null) {
            throw ApiError.INVALID_TASK_ID.toException(Map.of("id", taskId));
        }
        if (!WRITABLE.contains(task.status())) {
            throw ApiError.INVALID_TASK_STATUS.toException("task must be created or in_progress",
                    Map.of("task", taskId, "status", task.status()));
        }
        String name = Fields.optString(body, "name");
        ModelFields given = new ModelFields(name, hasUri ? uri : null, null, null, null,
                Fields.optString(body, "comment"), ModelRequests.strings(body, "tags"),
                ModelRequests.strings(body, "system_tags"), null, null, null, null, null, null, null);
        String existing = hasOverride ? overrideId : task.lastOutputModel();
        String id;
        boolean created;
        if (existing != null && !existing.isEmpty()) {
            commands.send(existing, new EditModelCommand(existing, ctx.company(), given.withTask(taskId), null,
                    ctx.audit()));
            id = existing;
            created = false;
        } else {
            id = NewIds.hex();
            commands.create(new CreateModelCommand(id, ctx.company(), fromTask(given, task), ctx.audit()));
            created = true;
        }
        links.attachOutputModel(taskId, id, name, ctx.audit());
        Integer iteration = Fields.optInt(body, "iteration");
        if (iteration != null) {
            links.reportIteration(taskId, iteration, ctx.audit());
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("id", id);
        result.put("created", created);
        return result;
    }

    /** A new model takes what the request leaves out from its task. */
    private static ModelFields fromTask(ModelFields given, ModelTaskLinks.SourceTask task) {
        String name = given.name() != null ? given.name() : task.name();
        String comment = given.comment() != null ? given.comment()
                : "Created by task `" + task.name() + "` (" + task.id() + ")";
        return new ModelFields(name, given.uri(), task.framework(), task.design(), task.labels(), comment,
                given.tags(), given.systemTags(), task.id(), task.project(), task.firstInputModel(),
                "published".equals(task.status()), null, null, null);
    }
}
