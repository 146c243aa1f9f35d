package io.xstore.command.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xstore.api.AuditEntry;
import io.xstore.api.NewIds;
import io.xstore.api.task.CloneTaskCommand;
import io.xstore.api.task.CloseTaskCommand;
import io.xstore.api.task.CreateTaskCommand;
import io.xstore.api.task.EditTaskCommand;
import io.xstore.api.task.MarkTaskCompletedCommand;
import io.xstore.api.task.MarkTaskFailedCommand;
import io.xstore.api.task.MarkTaskStartedCommand;
import io.xstore.api.task.MarkTaskStoppedCommand;
import io.xstore.api.task.MoveTaskCommand;
import io.xstore.api.task.PublishTaskCommand;
import io.xstore.api.task.RecordTaskPingCommand;
import io.xstore.api.task.SetTaskRequirementsCommand;
import io.xstore.api.task.StopTaskCommand;
import io.xstore.api.task.TaskContent;
import io.xstore.api.task.TaskModels;
import io.xstore.api.task.TaskStatus;
import io.xstore.api.task.UpdateTaskCommand;
import io.xstore.api.task.UpdateTaskTagsCommand;
import io.xstore.api.task.ValidateTaskCommand;
import io.xstore.protocol.ApiEndpoint;
import io.xstore.protocol.ApiError;
import io.xstore.protocol.CallContext;
import io.xstore.protocol.Fields;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The write endpoints of the ClearML {@code tasks} service: parse and validate the request, send one command per
 * task, answer in ClearML's response shape (docs/api/tasks.md, docs/api/README.md).
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
        pipelineSteps.forEachStep(r.task(), ctx, step -> stopOne(r.forTask(step), ctx));
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

    static String newId() {
        return NewIds.hex();
    }
}
