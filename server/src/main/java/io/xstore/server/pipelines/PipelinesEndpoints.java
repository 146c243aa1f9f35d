package io.xstore.server.pipelines;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import io.xstore.command.BatchResult;
import io.xstore.command.queue.TaskQueueEndpoints;
import io.xstore.command.task.TaskContentEndpoints;
import io.xstore.command.task.TaskRemovalEndpoints;
import io.xstore.command.task.TasksWriteEndpoints;
import io.xstore.protocol.ApiEndpoint;
import io.xstore.protocol.ApiError;
import io.xstore.protocol.ApiException;
import io.xstore.protocol.CallContext;
import io.xstore.protocol.Fields;
import io.xstore.query.queues.QueueWorkers;
import io.xstore.readmodel.Collections;
import io.xstore.readmodel.OwnedDocuments;
import io.xstore.readmodel.Ownership;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code pipelines} service (docs/api/pipelines.md). A pipeline run is a task of type {@code controller}; these
 * endpoints are made of the tasks service's own operations (clone, hyperparameter edit, rename, enqueue, delete),
 * called with this call's context, so every change is the usual task command with this call's id.
 */
@Component
public class PipelinesEndpoints {

    static final String ARGS_SECTION = "Args";
    static final String CONTROLLER = "controller";

    private final TasksWriteEndpoints tasks;
    private final TaskContentEndpoints content;
    private final TaskRemovalEndpoints removal;
    private final TaskQueueEndpoints enqueue;
    private final QueueWorkers workers;
    private final MongoCollection<Document> taskDocs;
    private final MongoCollection<Document> projects;

    public PipelinesEndpoints(TasksWriteEndpoints tasks, TaskContentEndpoints content, TaskRemovalEndpoints removal,
                              TaskQueueEndpoints enqueue, QueueWorkers workers, MongoDatabase database) {
        this.tasks = tasks;
        this.content = content;
        this.removal = removal;
        this.enqueue = enqueue;
        this.workers = workers;
        this.taskDocs = database.getCollection(Collections.TASKS);
        this.projects = database.getCollection(Collections.PROJECTS);
    }

    /**
     * Clones the controller task, puts {@code args} in its {@code Args} hyperparameter section, names it after its
     * project ({@code <project> #n} from the second run on) and enqueues it ({@code queue}, else the default queue).
     */
    @ApiEndpoint(value = "pipelines.start_pipeline", since = "2.17")
    @SuppressWarnings("unchecked")
    public Object startPipeline(CallContext ctx) {
        ObjectNode body = ctx.body();
        String source = Fields.requireString(body, "task");
        ArrayNode params = args(body.get("args"));
        JsonNodeFactory json = JsonNodeFactory.instance;
        Map<String, Object> cloned = (Map<String, Object>) tasks.cloneTask(ctx.withBody(json.objectNode()
                .put("task", source)));
        String id = String.valueOf(cloned.get("id"));
        if (!params.isEmpty()) {
            ObjectNode edit = json.objectNode().put("task", id).put("replace_hyperparams", "none");
            edit.set("hyperparams", params);
            content.editHyperParams(ctx.withBody(edit));
        }
        String name = runName(source, id, ctx.company());
        if (name != null) {
            tasks.update(ctx.withBody(json.objectNode().put("task", id).put("name", name)));
        }
        ObjectNode enqueueBody = json.objectNode().put("task", id).put("status_message", "Starting pipeline")
                .put("status_reason", "");
        String queue = Fields.optString(body, "queue");
        if (queue != null && !queue.isEmpty()) {
            enqueueBody.put("queue", queue);
        }
        Map<String, Object> queued = (Map<String, Object>) enqueue.enqueue(ctx.withBody(enqueueBody));
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("pipeline", id);
        response.put("enqueued", true);
        if (Fields.optBool(body, "verify_watched_queue", false)) {
            Object queueId = ((Map<String, Object>) queued.get("fields")).get("execution.queue");
            response.put("queue_watched", !workers.listening(String.valueOf(queueId), ctx.company()).isEmpty());
        }
        return response;
    }

    /**
     * Deletes the given runs (controller tasks of the project) with their step tasks; ids that are not runs of the
     * project are ignored, and at least one run must be left (400/160).
     */
    @ApiEndpoint(value = "pipelines.delete_runs", since = "2.26")
    public Object deleteRuns(CallContext ctx) {
        ObjectNode body = ctx.body();
        List<String> ids = Fields.optStringList(body, "ids");
        if (ids == null || ids.isEmpty()) {
            throw ApiError.MISSING_REQUIRED_FIELDS.toException("ids is required", Map.of("field", "ids"));
        }
        String project = Fields.requireString(body, "project");
        Set<String> runs = new LinkedHashSet<>();
        for (Document run : taskDocs.find(Filters.and(Filters.eq("company", ctx.company()),
                Filters.eq("project", project), Filters.eq("type", CONTROLLER)))
                .projection(Projections.include("_id"))) {
            runs.add(run.getString("_id"));
        }
        Set<String> left = new LinkedHashSet<>(runs);
        ids.forEach(left::remove);
        if (left.isEmpty()) {
            throw ApiError.CANNOT_REMOVE_ALL_RUNS.toException(Map.of("project", project));
        }
        List<String> deleted = ids.stream().filter(runs::contains).distinct().toList();
        return BatchResult.run(deleted, run -> deleteRun(run, ctx), e -> e instanceof ApiException api ? api : null);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> deleteRun(String run, CallContext ctx) {
        int steps = 0;
        for (Document step : taskDocs.find(Filters.and(Filters.eq("company", ctx.company()),
                Filters.eq("parent", run))).projection(Projections.include("_id"))) {
            removal.delete(ctx.withBody(deleteBody(step.getString("_id"))));
            steps++;
        }
        Map<String, Object> answer = new LinkedHashMap<>((Map<String, Object>) removal.delete(
                ctx.withBody(deleteBody(run))));
        answer.put("updated_children", steps);
        return answer;
    }

    private static ObjectNode deleteBody(String task) {
        return JsonNodeFactory.instance.objectNode().put("task", task).put("force", true)
                .put("status_reason", "Pipeline run deleted");
    }

    /** {@code [{name, value}]} as hyperparameter items of the Args section; 400/12 for another shape. */
    private static ArrayNode args(JsonNode args) {
        ArrayNode items = JsonNodeFactory.instance.arrayNode();
        if (args == null || args.isNull()) {
            return items;
        }
        if (!args.isArray()) {
            throw Fields.wrongType("args", "a list of {name, value}");
        }
        for (JsonNode arg : args) {
            if (!arg.isObject() || !arg.hasNonNull("name")) {
                throw Fields.wrongType("args", "a list of {name, value}");
            }
            JsonNode value = arg.get("value");
            items.addObject().put("section", ARGS_SECTION).put("name", arg.get("name").asText())
                    .put("value", value == null || value.isNull() ? "" : value.asText());
        }
        return items;
    }

    /**
     * The run's name: its project's base name, followed by " #n" when n other runs of the project already carry that
     * name (with or without a number); null when the task has no project. The project is the source's (a clone keeps
     * it), read from the read model, which may not show the new task yet.
     */
    private String runName(String sourceId, String taskId, String company) {
        Document task = OwnedDocuments.byId(taskDocs, sourceId, Ownership.companyOrPublic(company),
                Projections.include("project"));
        String projectId = task == null ? null : task.getString("project");
        if (projectId == null || projectId.isEmpty()) {
            return null;
        }
        Document project = projects.find(Filters.eq("_id", projectId)).projection(Projections.include("name"))
                .first();
        if (project == null || project.getString("name") == null) {
            return null;
        }
        String full = project.getString("name");
        String prefix = full.substring(full.lastIndexOf('/') + 1);
        long count = taskDocs.countDocuments(Filters.and(Filters.eq("project", projectId),
                Filters.eq("system_tags", "pipeline"), Filters.ne("_id", taskId),
                Filters.regex("name", "^" + Pattern.quote(prefix) + "( #\\d+)?$")));
        return count > 0 ? prefix + " #" + count : prefix;
    }
}
