package io.xstore.command.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xstore.api.AuditEntry;
import io.xstore.api.task.AddOrUpdateTaskArtifactsCommand;
import io.xstore.api.task.AddOrUpdateTaskModelCommand;
import io.xstore.api.task.ArchiveTaskCommand;
import io.xstore.api.task.CloneTaskCommand;
import io.xstore.api.task.CloseTaskCommand;
import io.xstore.api.task.CreateTaskCommand;
import io.xstore.api.task.DeleteTaskArtifactsCommand;
import io.xstore.api.task.DeleteTaskWithModelsCommand;
import io.xstore.api.task.DeleteTaskConfigurationCommand;
import io.xstore.api.task.DeleteTaskHyperParamsCommand;
import io.xstore.api.task.DeleteTaskModelsCommand;
import io.xstore.api.task.EditTaskCommand;
import io.xstore.api.task.EditTaskConfigurationCommand;
import io.xstore.api.task.EditTaskHyperParamsCommand;
import io.xstore.api.task.MarkTaskCompletedCommand;
import io.xstore.api.task.MarkTaskFailedCommand;
import io.xstore.api.task.MarkTaskStartedCommand;
import io.xstore.api.task.MarkTaskStoppedCommand;
import io.xstore.api.task.MoveTaskCommand;
import io.xstore.api.task.PublishTaskCommand;
import io.xstore.api.task.RecordTaskPingCommand;
import io.xstore.api.task.ResetTaskWithModelsCommand;
import io.xstore.api.task.SetTaskRequirementsCommand;
import io.xstore.api.task.StopTaskCommand;
import io.xstore.api.task.TaskContent;
import io.xstore.api.task.TaskModels;
import io.xstore.api.task.TaskResetEvent;
import io.xstore.api.task.TaskStatus;
import io.xstore.api.task.UnarchiveTaskCommand;
import io.xstore.api.task.UpdateTaskCommand;
import io.xstore.api.task.UpdateTaskTagsCommand;
import io.xstore.api.task.ValidateTaskCommand;
import io.xstore.protocol.ApiEndpoint;
import io.xstore.protocol.ApiError;
import io.xstore.protocol.ApiException;
import io.xstore.protocol.CallContext;
import io.xstore.protocol.Fields;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The write endpoints of the ClearML {@code tasks} service: parse and validate the request, send one command per
 * task, answer in ClearML's response shape (tasks.md §2–5, protocol.md §6.7–6.8).
 */
@Component
public class TasksWriteEndpoints {

    private final TaskCommandSender commands;
    private final ProjectDirectory projects;
    private final TaskModelPublisher modelPublisher;
    private final TaskLiveness liveness;
    private TaskQueueExit queueExit = (task, audit) -> { };
    private PipelineSteps pipelineSteps = PipelineSteps.NONE;

    @Autowired
    public TasksWriteEndpoints(CommandGateway gateway, ObjectProvider<ProjectDirectory> projects,
                               ObjectProvider<TaskModelPublisher> modelPublisher,
                               ObjectProvider<TaskLiveness> liveness, ObjectProvider<TaskQueueExit> queueExit,
                               ObjectProvider<PipelineSteps> pipelineSteps) {
        this(gateway, projects.getIfAvailable(TaskWiringDefaults::projects),
                modelPublisher.getIfAvailable(() -> (model, audit) -> { }),
                liveness.getIfAvailable(() -> (task, company) -> false));
        this.queueExit = queueExit.getIfAvailable(() -> (task, audit) -> { });
        this.pipelineSteps = pipelineSteps.getIfAvailable(() -> PipelineSteps.NONE);
    }

    public TasksWriteEndpoints(CommandGateway gateway, ProjectDirectory projects, TaskModelPublisher modelPublisher,
                               TaskLiveness liveness) {
        this.commands = new TaskCommandSender(gateway);
        this.projects = projects;
        this.modelPublisher = modelPublisher;
        this.liveness = liveness;
    }

    // ---- create / edit / update / clone ----

    @ApiEndpoint("tasks.create")
    public Object create(CallContext ctx) {
        ObjectNode body = ctx.body();
        Fields.requireString(body, "name");
        Fields.requireString(body, "type");
        String id = newId();
        commands.send(new CreateTaskCommand(id, TaskRequests.content(body, ctx.receivedAt()), ctx.audit()),
                ctx.company());
        return Map.of("id", id);
    }

    /** Checks a task as tasks.create would (docs/api/organization.md); answers {} or the error create would give. */
    @ApiEndpoint("tasks.validate")
    public Object validate(CallContext ctx) {
        ObjectNode body = ctx.body();
        Fields.requireString(body, "name");
        Fields.requireString(body, "type");
        commands.send(new ValidateTaskCommand(TaskRequests.content(body, ctx.receivedAt()), ctx.audit()),
                ctx.company());
        return Map.of();
    }

    @ApiEndpoint("tasks.edit")
    public Object edit(CallContext ctx) {
        ObjectNode body = ctx.body();
        String task = Fields.requireString(body, "task");
        TaskContent changes = TaskRequests.content(body, ctx.receivedAt());
        TaskStatus status = status(Fields.optString(body, "status"));
        commands.send(new EditTaskCommand(task, changes, status, Fields.optBool(body, "force", false), ctx.audit()),
                ctx.company());
        return TaskResponses.updated(TaskResponses.contentFields(changes, status, ctx.audit()));
    }

    @ApiEndpoint("tasks.update")
    public Object update(CallContext ctx) {
        return TaskResponses.updated(update(ctx.body(), ctx));
    }

    @ApiEndpoint("tasks.update_batch")
    public Object updateBatch(CallContext ctx) {
        List<JsonNode> lines = ctx.batch() == null ? List.of(ctx.body()) : ctx.batch();
        if (lines.isEmpty()) {
            throw ApiError.BATCH_CONTAINS_NO_ITEMS.toException();
        }
        int updated = 0;
        for (JsonNode line : lines) {
            if (!line.isObject()) {
                throw Fields.wrongType("batch line", "an object");
            }
            update((ObjectNode) line, ctx);
            updated++;
        }
        return Map.of("updated", updated);
    }

    private Map<String, Object> update(ObjectNode body, CallContext ctx) {
        String task = Fields.requireString(body, "task");
        UpdateTaskCommand command = new UpdateTaskCommand(task, Fields.optString(body, "name"),
                Fields.optString(body, "comment"), TaskRequests.stringList(body, "tags"),
                TaskRequests.stringList(body, "system_tags"), Fields.optString(body, "project"),
                Fields.optString(body, "status_message"), Fields.optString(body, "output__error"), ctx.audit());
        commands.send(command, ctx.company());
        Map<String, Object> fields = TaskResponses.contentFields(TaskContent.none()
                .withName(command.name()).withComment(command.comment()).withTags(command.tags())
                .withSystemTags(command.systemTags()).withProject(command.project())
                .withOutput(command.outputError() == null ? null : Map.of("error", command.outputError())),
                null, ctx.audit());
        if (command.statusMessage() != null) {
            fields.put("status_message", command.statusMessage());
        }
        return fields;
    }

    @ApiEndpoint("tasks.clone")
    public Object cloneTask(CallContext ctx) {
        ObjectNode body = ctx.body();
        String source = Fields.requireString(body, "task");
        String project = Fields.optString(body, "new_task_project");
        String newProjectName = Fields.optString(body, "new_project_name");
        if (newProjectName != null && !newProjectName.isBlank()) {
            project = projects.findOrCreate(newProjectName, ctx.audit());
        }
        ObjectNode inputModels = body.has("new_task_input_models") ? body.objectNode()
                .set("input", body.get("new_task_input_models")) : null;
        TaskModels models = inputModels == null ? null : TaskRequests.models(
                body.objectNode().set("models", inputModels), ctx.receivedAt());
        String id = newId();
        commands.send(new CloneTaskCommand(id, source, Fields.optString(body, "new_task_name"),
                Fields.optString(body, "new_task_comment"), TaskRequests.stringList(body, "new_task_tags"),
                TaskRequests.stringList(body, "new_task_system_tags"), Fields.optString(body, "new_task_parent"),
                project, cloneHyperParams(body), cloneConfiguration(body),
                TaskRequests.map(body, "new_task_container"), models == null ? null : models.input(),
                TaskRequests.map(body, "execution_overrides"), Fields.optBool(body, "validate_references", false),
                ctx.audit()), ctx.company());
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("id", id);
        if (newProjectName != null && !newProjectName.isBlank()) {
            response.put("new_project", Map.of("id", project, "name", newProjectName));
        }
        return response;
    }

    private static Map<String, Object> cloneHyperParams(ObjectNode body) {
        JsonNode node = body.get("new_task_hyperparams");
        return node == null || node.isNull() ? null
                : TaskRequests.hyperparams(body.objectNode().set("hyperparams", node));
    }

    private static Map<String, Object> cloneConfiguration(ObjectNode body) {
        JsonNode node = body.get("new_task_configuration");
        return node == null || node.isNull() ? null
                : TaskRequests.configuration(body.objectNode().set("configuration", node));
    }

    @ApiEndpoint("tasks.set_requirements")
    public Object setRequirements(CallContext ctx) {
        ObjectNode body = ctx.body();
        String task = Fields.requireString(body, "task");
        Map<String, Object> requirements = TaskRequests.map(body, "requirements");
        if (requirements == null) {
            throw ApiError.VALIDATION_ERROR.toException("field is required", Map.of("field", "requirements"));
        }
        commands.send(new SetTaskRequirementsCommand(task, requirements, ctx.audit()), ctx.company());
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("script.requirements", requirements);
        return TaskResponses.updated(fields);
    }

    // ---- status ----

    @ApiEndpoint("tasks.started")
    public Object started(CallContext ctx) {
        StatusRequest r = StatusRequest.of(ctx);
        StatusOutcome outcome = commands.send(new MarkTaskStartedCommand(r.task(), r.force(), r.reason(),
                r.message(), ctx.audit()), ctx.company());
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("started", 1);
        response.putAll(TaskResponses.updated(TaskResponses.statusFields(outcome.first())));
        return response;
    }

    @ApiEndpoint("tasks.stopped")
    public Object stopped(CallContext ctx) {
        StatusRequest r = StatusRequest.of(ctx);
        return statusResponse(commands.send(new MarkTaskStoppedCommand(r.task(), r.force(), r.reason(),
                r.message(), ctx.audit()), ctx.company()));
    }

    @ApiEndpoint("tasks.failed")
    public Object failed(CallContext ctx) {
        StatusRequest r = StatusRequest.of(ctx);
        return statusResponse(commands.send(new MarkTaskFailedCommand(r.task(), r.force(), r.reason(),
                r.message(), ctx.audit()), ctx.company()));
    }

    @ApiEndpoint("tasks.close")
    public Object close(CallContext ctx) {
        StatusRequest r = StatusRequest.of(ctx);
        return statusResponse(commands.send(new CloseTaskCommand(r.task(), r.force(), r.reason(), r.message(),
                ctx.audit()), ctx.company()));
    }

    @ApiEndpoint(value = "tasks.completed", since = "2.2")
    public Object completed(CallContext ctx) {
        StatusRequest r = StatusRequest.of(ctx);
        boolean publish = Fields.optBool(ctx.body(), "publish", false);
        StatusOutcome outcome = commands.send(new MarkTaskCompletedCommand(r.task(), r.force(), r.reason(),
                r.message(), publish, ctx.audit()), ctx.company());
        publishModel(outcome, true, ctx.audit());
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("updated", 1);
        response.put("published", outcome.published() ? 1 : 0);
        // the final status: published when publish was asked for (docs/api/behaviour-rules.md §5)
        response.put("fields", TaskResponses.statusFields(outcome.changes().get(outcome.changes().size() - 1)));
        return response;
    }

    @ApiEndpoint("tasks.publish")
    public Object publish(CallContext ctx) {
        return publish(StatusRequest.of(ctx), Fields.optBool(ctx.body(), "publish_model", true), ctx);
    }

    @ApiEndpoint("tasks.publish_many")
    public Object publishMany(CallContext ctx) {
        StatusRequest common = StatusRequest.common(ctx);
        boolean publishModel = Fields.optBool(ctx.body(), "publish_model", true);
        return commands.batch(TaskRequests.requiredIds(ctx.body(), "ids"),
                id -> publish(common.forTask(id), publishModel, ctx));
    }

    private Map<String, Object> publish(StatusRequest r, boolean publishModel, CallContext ctx) {
        StatusOutcome outcome = commands.send(new PublishTaskCommand(r.task(), r.force(), r.reason(), r.message(),
                ctx.audit()), ctx.company());
        publishModel(outcome, publishModel, ctx.audit());
        return statusResponse(outcome);
    }

    @ApiEndpoint("tasks.stop")
    public Object stop(CallContext ctx) {
        return stop(StatusRequest.of(ctx), ctx);
    }

    @ApiEndpoint("tasks.stop_many")
    public Object stopMany(CallContext ctx) {
        StatusRequest common = StatusRequest.common(ctx);
        return commands.batch(TaskRequests.requiredIds(ctx.body(), "ids"), id -> stop(common.forTask(id), ctx));
    }

    private Map<String, Object> stop(StatusRequest r, CallContext ctx) {
        forEachStep(r.task(), ctx, step -> stopOne(r.forTask(step), ctx));
        return stopOne(r, ctx);
    }

    private Map<String, Object> stopOne(StatusRequest r, CallContext ctx) {
        boolean alive = liveness.hasLiveWorker(r.task(), ctx.company());
        StatusOutcome outcome = commands.send(new StopTaskCommand(r.task(), r.force(), r.reason(), r.message(),
                alive, ctx.audit()), ctx.company());
        if (outcome.first().from() == TaskStatus.QUEUED) {
            queueExit.leaveQueues(r.task(), ctx.audit());
        }
        return statusResponse(outcome);
    }

    @ApiEndpoint("tasks.reset")
    public Object reset(CallContext ctx) {
        ObjectNode body = ctx.body();
        return reset(Fields.requireString(body, "task"), body, ctx);
    }

    @ApiEndpoint("tasks.reset_many")
    public Object resetMany(CallContext ctx) {
        return commands.batch(TaskRequests.requiredIds(ctx.body(), "ids"), id -> reset(id, ctx.body(), ctx));
    }

    private Map<String, Object> reset(String task, ObjectNode body, CallContext ctx) {
        TaskCleanupResult cleanup = commands.send(new ResetTaskWithModelsCommand(task,
                Fields.optBool(body, "force", false), Fields.optBool(body, "clear_all", false),
                Fields.optBool(body, "delete_output_models", true), ctx.audit()), ctx.company());
        TaskResetEvent reset = cleanup.reset();
        if (reset.from() == TaskStatus.QUEUED) {
            queueExit.leaveQueues(task, ctx.audit());
        }
        Map<String, Object> response = TaskResponses.updated(TaskResponses.resetFields(reset));
        response.put("dequeued", Map.of());
        return withCleanup(response, cleanup, body);
    }

    // ---- archive / delete ----

    @ApiEndpoint("tasks.archive")
    public Object archive(CallContext ctx) {
        ObjectNode body = ctx.body();
        List<String> ids = TaskRequests.requiredIds(body, "tasks");
        for (String id : ids) {
            archive(id, body, ctx);
        }
        return Map.of("archived", ids.size());
    }

    @ApiEndpoint("tasks.archive_many")
    public Object archiveMany(CallContext ctx) {
        ObjectNode body = ctx.body();
        return commands.batch(TaskRequests.requiredIds(body, "ids"), id -> {
            archive(id, body, ctx);
            return Map.of("archived", 1);
        });
    }

    private void archive(String task, ObjectNode body, CallContext ctx) {
        forEachStep(task, ctx, step -> archiveOne(step, body, ctx));
        archiveOne(task, body, ctx);
    }

    private void archiveOne(String task, ObjectNode body, CallContext ctx) {
        commands.send(new ArchiveTaskCommand(task, Fields.optString(body, "status_reason"),
                Fields.optString(body, "status_message"), ctx.audit()), ctx.company());
        queueExit.leaveQueues(task, ctx.audit());
    }

    @ApiEndpoint("tasks.unarchive_many")
    public Object unarchiveMany(CallContext ctx) {
        ObjectNode body = ctx.body();
        return commands.batch(TaskRequests.requiredIds(body, "ids"), id -> {
            forEachStep(id, ctx, step -> unarchive(step, body, ctx));
            unarchive(id, body, ctx);
            return Map.of("unarchived", 1);
        });
    }

    private void unarchive(String task, ObjectNode body, CallContext ctx) {
        commands.send(new UnarchiveTaskCommand(task, Fields.optString(body, "status_reason"),
                Fields.optString(body, "status_message"), ctx.audit()), ctx.company());
    }

    @ApiEndpoint("tasks.delete")
    public Object delete(CallContext ctx) {
        ObjectNode body = ctx.body();
        return delete(Fields.requireString(body, "task"), body, ctx);
    }

    @ApiEndpoint("tasks.delete_many")
    public Object deleteMany(CallContext ctx) {
        return commands.batch(TaskRequests.requiredIds(ctx.body(), "ids"), id -> delete(id, ctx.body(), ctx));
    }

    private Map<String, Object> delete(String task, ObjectNode body, CallContext ctx) {
        forEachStep(task, ctx, step -> deleteOne(step, body, ctx));
        return deleteOne(task, body, ctx);
    }

    private Map<String, Object> deleteOne(String task, ObjectNode body, CallContext ctx) {
        TaskCleanupResult cleanup = commands.send(new DeleteTaskWithModelsCommand(task,
                Fields.optBool(body, "force", false), Fields.optBool(body, "delete_external_artifacts", true),
                Fields.optBool(body, "delete_output_models", true), ctx.audit()), ctx.company());
        queueExit.leaveQueues(task, ctx.audit());
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("deleted", true);
        return withCleanup(response, cleanup, body);
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

    // ---- project, tags, liveness ----

    @ApiEndpoint("tasks.move")
    public Object move(CallContext ctx) {
        ObjectNode body = ctx.body();
        List<String> ids = TaskRequests.requiredIds(body, "ids");
        String project = Fields.optString(body, "project");
        String projectName = Fields.optString(body, "project_name");
        // "project": null (present) moves to the root (docs/api/behaviour-rules.md §5)
        boolean toRoot = body.has("project") && (project == null || project.isEmpty());
        if (!toRoot && (project == null || project.isEmpty()) && (projectName == null || projectName.isBlank())) {
            throw ApiError.MISSING_REQUIRED_FIELDS.toException("project or project_name is required");
        }
        String target = toRoot ? "" : project != null && !project.isEmpty() ? project
                : projects.findOrCreate(projectName, ctx.audit());
        for (String id : ids) {
            commands.send(new MoveTaskCommand(id, target, ctx.audit()), ctx.company());
        }
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("project_id", target.isEmpty() ? null : target);
        return response;
    }

    @ApiEndpoint("tasks.update_tags")
    public Object updateTags(CallContext ctx) {
        ObjectNode body = ctx.body();
        List<String> ids = TaskRequests.requiredIds(body, "ids");
        List<String> add = TaskRequests.stringList(body, "add_tags");
        List<String> remove = TaskRequests.stringList(body, "remove_tags");
        for (String id : ids) {
            commands.send(new UpdateTaskTagsCommand(id, add, remove, ctx.audit()), ctx.company());
        }
        return Map.of("updated", ids.size());
    }

    /** Liveness only: not event-sourced (see {@link RecordTaskPingCommand}). */
    @ApiEndpoint("tasks.ping")
    public Object ping(CallContext ctx) {
        String task = Fields.requireString(ctx.body(), "task");
        Boolean known = commands.send(new RecordTaskPingCommand(task, ctx.audit()), ctx.company());
        if (!Boolean.TRUE.equals(known)) {
            throw TaskErrors.invalidTaskId(task, ctx.company());
        }
        return Map.of();
    }

    // ---- helpers ----

    /**
     * With {@code include_pipeline_steps}, the operation first applies to each step of a controller task
     * (docs/api/behaviour-rules.md §4); a step the operation does not apply to (wrong status, gone) is skipped.
     */
    private void forEachStep(String task, CallContext ctx, java.util.function.Consumer<String> operation) {
        if (!Fields.optBool(ctx.body(), "include_pipeline_steps", false)) {
            return;
        }
        for (String step : pipelineSteps.of(task, ctx.company())) {
            try {
                operation.accept(step);
            } catch (ApiException e) {
                // the step keeps its state; the controller's own result is what the call answers
            }
        }
    }

    private void publishModel(StatusOutcome outcome, boolean wanted, AuditEntry audit) {
        if (wanted && outcome.published() && outcome.lastOutputModel() != null) {
            modelPublisher.publishModel(outcome.lastOutputModel(), audit);
        }
    }

    private static Map<String, Object> statusResponse(StatusOutcome outcome) {
        return TaskResponses.updated(TaskResponses.statusFields(outcome.changes().get(outcome.changes().size() - 1)));
    }

    private static TaskStatus status(String text) {
        if (text == null) {
            return null;
        }
        return TaskStatus.fromWire(text).orElseThrow(() -> ApiError.VALIDATION_ERROR.toException(
                "invalid task status", Map.of("status", text)));
    }

    /**
     * The counts of a delete or reset cleanup (docs/api/behaviour-rules.md §4) and, with {@code return_file_urls},
     * the URIs of the deleted models and of the output artifacts; metric events keep no files of their own here, so
     * {@code event_urls} is empty.
     */
    private static Map<String, Object> withCleanup(Map<String, Object> response, TaskCleanupResult cleanup,
                                                   ObjectNode body) {
        response.put("updated_children", cleanup.updatedChildren());
        response.put("updated_models", cleanup.updatedModels());
        response.put("deleted_models", cleanup.deletedModels());
        if (Fields.optBool(body, "return_file_urls", false)) {
            response.put("urls", Map.of("model_urls", cleanup.modelUrls(), "event_urls", List.of(),
                    "artifact_urls", cleanup.artifactUrls()));
        }
        return response;
    }

    static String newId() {
        return UUID.randomUUID().toString().replace("-", "");
    }
}
