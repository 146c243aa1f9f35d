package io.xstore.command.task;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xstore.api.task.ArchiveTaskCommand;
import io.xstore.api.task.DeleteTaskWithModelsCommand;
import io.xstore.api.task.ResetTaskWithModelsCommand;
import io.xstore.api.task.TaskResetEvent;
import io.xstore.api.task.TaskStatus;
import io.xstore.api.task.UnarchiveTaskCommand;
import io.xstore.protocol.ApiEndpoint;
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
 * The write endpoints of the ClearML {@code tasks} service that reset, archive and delete tasks: one command per task
 * (reset and delete through the task-and-model cleanup, docs/api/behaviour-rules.md §4), then the queue the task
 * waited in is left; with {@code include_pipeline_steps} a controller's steps first.
 */
@Component
public class TaskRemovalEndpoints {

    private final TaskCommandSender commands;
    private final TaskQueueExit queueExit;
    private final PipelineSteps pipelineSteps;

    @Autowired
    public TaskRemovalEndpoints(CommandGateway gateway, ObjectProvider<TaskQueueExit> queueExit,
                                ObjectProvider<PipelineSteps> pipelineSteps) {
        this(gateway, queueExit.getIfAvailable(() -> (task, audit) -> { }),
                pipelineSteps.getIfAvailable(() -> PipelineSteps.NONE));
    }

    public TaskRemovalEndpoints(CommandGateway gateway, TaskQueueExit queueExit, PipelineSteps pipelineSteps) {
        this.commands = new TaskCommandSender(gateway);
        this.queueExit = queueExit;
        this.pipelineSteps = pipelineSteps;
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
        pipelineSteps.forEachStep(task, ctx, step -> archiveOne(step, body, ctx));
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
            pipelineSteps.forEachStep(id, ctx, step -> unarchive(step, body, ctx));
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
        pipelineSteps.forEachStep(task, ctx, step -> deleteOne(step, body, ctx));
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

    /**
     * The counts of a delete or reset cleanup (docs/api/behaviour-rules.md §4) and, with {@code return_file_urls},
     * the URIs of the deleted models, of the output artifacts and (a delete only) of the task's debug images.
     */
    private static Map<String, Object> withCleanup(Map<String, Object> response, TaskCleanupResult cleanup,
                                                   ObjectNode body) {
        response.put("updated_children", cleanup.updatedChildren());
        response.put("updated_models", cleanup.updatedModels());
        response.put("deleted_models", cleanup.deletedModels());
        if (Fields.optBool(body, "return_file_urls", false)) {
            response.put("urls", Map.of("model_urls", cleanup.modelUrls(), "event_urls", cleanup.eventUrls(),
                    "artifact_urls", cleanup.artifactUrls()));
        }
        return response;
    }
}
