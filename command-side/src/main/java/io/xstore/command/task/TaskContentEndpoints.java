package io.xstore.command.task;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xstore.api.task.AddOrUpdateTaskArtifactsCommand;
import io.xstore.api.task.AddOrUpdateTaskModelCommand;
import io.xstore.api.task.DeleteTaskArtifactsCommand;
import io.xstore.api.task.DeleteTaskConfigurationCommand;
import io.xstore.api.task.DeleteTaskHyperParamsCommand;
import io.xstore.api.task.DeleteTaskModelsCommand;
import io.xstore.api.task.EditTaskConfigurationCommand;
import io.xstore.api.task.EditTaskHyperParamsCommand;
import io.xstore.protocol.ApiEndpoint;
import io.xstore.protocol.ApiError;
import io.xstore.protocol.CallContext;
import io.xstore.protocol.Fields;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/**
 * The write endpoints of the ClearML {@code tasks} service that edit parts of a task's content: hyperparameters,
 * configuration, artifacts and model entries (one command each, through the task command sender).
 */
@Component
public class TaskContentEndpoints {

    private final TaskCommandSender commands;

    public TaskContentEndpoints(CommandGateway gateway) {
        this.commands = new TaskCommandSender(gateway);
    }

    // ---- hyperparameters, configuration ----

    @ApiEndpoint("tasks.edit_hyper_params")
    public Object editHyperParams(CallContext ctx) {
        ObjectNode body = ctx.body();
        String replace = Fields.optString(body, "replace_hyperparams");
        replace = replace == null ? "none" : replace;
        if (!List.of("none", "section", "all").contains(replace)) {
            throw ApiError.VALIDATION_ERROR.toException("must be none, section or all",
                    Map.of("field", "replace_hyperparams"));
        }
        commands.send(new EditTaskHyperParamsCommand(Fields.requireString(body, "task"),
                TaskRequests.hyperParamItems(body), replace, Fields.optBool(body, "force", false), ctx.audit()),
                ctx.company());
        return Map.of("updated", 1);
    }

    @ApiEndpoint("tasks.delete_hyper_params")
    public Object deleteHyperParams(CallContext ctx) {
        ObjectNode body = ctx.body();
        boolean deleted = commands.send(new DeleteTaskHyperParamsCommand(Fields.requireString(body, "task"),
                TaskRequests.hyperParamRefs(body), Fields.optBool(body, "force", false), ctx.audit()),
                ctx.company());
        return Map.of("deleted", deleted ? 1 : 0);
    }

    @ApiEndpoint("tasks.edit_configuration")
    public Object editConfiguration(CallContext ctx) {
        ObjectNode body = ctx.body();
        commands.send(new EditTaskConfigurationCommand(Fields.requireString(body, "task"),
                TaskRequests.configurationItems(body), Fields.optBool(body, "replace_configuration", false),
                Fields.optBool(body, "force", false), ctx.audit()), ctx.company());
        return Map.of("updated", 1);
    }

    @ApiEndpoint("tasks.delete_configuration")
    public Object deleteConfiguration(CallContext ctx) {
        ObjectNode body = ctx.body();
        List<String> names = TaskRequests.stringList(body, "configuration");
        if (names == null) {
            throw ApiError.VALIDATION_ERROR.toException("field is required", Map.of("field", "configuration"));
        }
        boolean deleted = commands.send(new DeleteTaskConfigurationCommand(Fields.requireString(body, "task"),
                names, Fields.optBool(body, "force", false), ctx.audit()), ctx.company());
        return Map.of("deleted", deleted ? 1 : 0);
    }

    // ---- artifacts, models ----

    @ApiEndpoint(value = "tasks.add_or_update_artifacts", since = "2.10")
    public Object addOrUpdateArtifacts(CallContext ctx) {
        ObjectNode body = ctx.body();
        String task = Fields.requireString(body, "task");
        if (body.get("artifacts") == null || body.get("artifacts").isNull()) {
            throw ApiError.VALIDATION_ERROR.toException("field is required", Map.of("field", "artifacts"));
        }
        // always as forced: created and in_progress tasks (docs/api/behaviour-rules.md §5)
        commands.send(new AddOrUpdateTaskArtifactsCommand(task,
                TaskRequests.artifacts(body.get("artifacts"), "artifacts"), true, ctx.audit()), ctx.company());
        return Map.of("updated", 1);
    }

    @ApiEndpoint(value = "tasks.delete_artifacts", since = "2.10")
    public Object deleteArtifacts(CallContext ctx) {
        ObjectNode body = ctx.body();
        int deleted = commands.send(new DeleteTaskArtifactsCommand(Fields.requireString(body, "task"),
                TaskRequests.artifactKeys(body), true, ctx.audit()), ctx.company());
        return Map.of("deleted", deleted > 0 ? 1 : 0);
    }

    @ApiEndpoint(value = "tasks.add_or_update_model", since = "2.13")
    public Object addOrUpdateModel(CallContext ctx) {
        ObjectNode body = ctx.body();
        String task = Fields.requireString(body, "task");
        String name = Fields.requireString(body, "name");
        String model = Fields.requireString(body, "model");
        String type = TaskRequests.modelType(Fields.requireString(body, "type"));
        commands.send(new AddOrUpdateTaskModelCommand(task, type, name, model, Fields.optInt(body, "iteration"),
                ctx.audit()), ctx.company());
        return Map.of("updated", 1);
    }

    @ApiEndpoint(value = "tasks.delete_models", since = "2.13")
    public Object deleteModels(CallContext ctx) {
        ObjectNode body = ctx.body();
        int deleted = commands.send(new DeleteTaskModelsCommand(Fields.requireString(body, "task"),
                TaskRequests.modelRefs(body), ctx.audit()), ctx.company());
        return Map.of("updated", deleted > 0 ? 1 : 0);
    }
}
